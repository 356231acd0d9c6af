using Keel.Cli.Config;
using Keel.Nn;

namespace Keel.Cli.Building;

/// <summary>
/// Builds an initializer from a tagged node: <c>{kaiming_normal: {gain: 1.6667}}</c>,
/// <c>{kaiming_uniform: {nonlinearity: relu, mode: fan_out}}</c>, <c>xavier_uniform</c>,
/// <c>glorot_normal</c>, <c>he_normal</c>, <c>lecun_normal</c>, <c>orthogonal</c>,
/// <c>{truncated_normal: {std: 0.02}}</c>, <c>{normal: {std: 0.01}}</c>, <c>{uniform: {low, high}}</c>,
/// <c>{constant: {value: 0.1}}</c>, <c>zeros</c>, <c>ones</c>.
/// </summary>
internal static class InitializerBuilder
{
    public static IInitializer? Build(ConfigNode node)
    {
        if (node.IsNull) return null;
        var (kind, body) = node.Tagged();
        var initializer = kind switch
        {
            "kaiming_normal" or "kaiming_uniform" => Kaiming(kind, body),
            "xavier_uniform" => Initializers.XavierUniform(body.Float("gain", 1f)),
            "xavier_normal" => Initializers.XavierNormal(body.Float("gain", 1f)),
            "glorot_uniform" => Initializers.GlorotUniform(),
            "glorot_normal" => Initializers.GlorotNormal(),
            "he_uniform" => Initializers.HeUniform(),
            "he_normal" => Initializers.HeNormal(),
            "lecun_uniform" => Initializers.LeCunUniform(),
            "lecun_normal" => Initializers.LeCunNormal(),
            "orthogonal" => Initializers.Orthogonal(body.Float("gain", 1f)),
            "truncated_normal" => Initializers.TruncatedNormal(body.Float("mean", 0f), body.Float("std", 1f), body.Float("a", -2f), body.Float("b", 2f)),
            "normal" => Initializers.Normal(body.Float("mean", 0f), body.Float("std", 1f)),
            "uniform" => Initializers.Uniform(body.Float("low", 0f), body.Float("high", 1f)),
            "constant" => Initializers.Constant(body.Float("value")),
            "zeros" => Initializers.Zeros(),
            "ones" => Initializers.Ones(),
            _ => throw node.Error($"unknown initializer '{kind}'"),
        };
        body.RejectUnknownKeys();
        return initializer;
    }

    private static IInitializer Kaiming(string kind, ConfigNode body)
    {
        var mode = body.String("mode", "fan_in") switch
        {
            "fan_in" => FanMode.FanIn,
            "fan_out" => FanMode.FanOut,
            "fan_avg" => FanMode.FanAverage,
            var other => throw body["mode"].Error($"expected fan_in, fan_out or fan_avg, got '{other}'"),
        };
        bool normal = kind == "kaiming_normal";
        if (body.Has("gain"))
        {
            if (body.Has("nonlinearity")) throw body.Error("give gain or nonlinearity, not both");
            float gain = body.Float("gain");
            return normal ? Initializers.KaimingNormal(gain, mode) : Initializers.KaimingUniform(gain, mode);
        }
        var nonlinearity = body.String("nonlinearity", "leaky_relu")!;
        float slope = body.Float("negative_slope", 0f);
        try
        {
            return normal ? Initializers.KaimingNormal(nonlinearity, mode, slope) : Initializers.KaimingUniform(nonlinearity, mode, slope);
        }
        catch (ArgumentException e)
        {
            throw body["nonlinearity"].Error(e);
        }
    }
}
