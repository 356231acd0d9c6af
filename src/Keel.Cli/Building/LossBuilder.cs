using Keel.Cli.Config;
using Keel.Tensors;

namespace Keel.Cli.Building;

/// <summary>
/// Builds <c>loss:</c> — <c>cross_entropy</c> (the default; <c>{cross_entropy: {label_smoothing}}</c>)
/// or <c>mse</c>.
/// </summary>
internal static class LossBuilder
{
    public static Func<Tensor, Tensor, Tensor> Build(ConfigNode node, RunData data)
    {
        _ = data;
        if (node.IsNull) return (output, targets) => output.CrossEntropy(targets);
        var (kind, body) = node.Tagged();
        Func<Tensor, Tensor, Tensor> loss = kind switch
        {
            "cross_entropy" => CrossEntropy(body.Float("label_smoothing", 0f)),
            _ => throw node.Error($"unknown loss '{kind}' (cross_entropy)"),
        };
        body.RejectUnknownKeys();
        return loss;
    }

    private static Func<Tensor, Tensor, Tensor> CrossEntropy(float smoothing)
        => (output, targets) => output.CrossEntropy(targets, Reduction.Mean, smoothing);
}
