using Keel.Cli.Config;
using Keel.Optim;
using Keel.Tensors;

namespace Keel.Cli.Building;

/// <summary>
/// Builds <c>optimizer:</c> — <c>{sgd: {lr, momentum, dampening, weight_decay, nesterov}}</c>,
/// <c>{adam: {lr, betas: [0.9, 0.999], eps, weight_decay, amsgrad}}</c>, <c>adamw</c> (same keys,
/// decoupled decay), <c>{rmsprop: {lr, alpha, eps, weight_decay, momentum, centered}}</c>,
/// <c>{adagrad: {lr, lr_decay, weight_decay, initial_accumulator_value, eps}}</c> — with PyTorch's
/// defaults. <c>no_decay: ["*.bias", …]</c> puts matching parameters in a group without weight decay.
/// </summary>
internal static class OptimizerBuilder
{
    public static IOptimizer Build(ConfigNode node, IReadOnlyList<(string Name, Parameter Parameter)> parameters)
    {
        if (node.IsNull) throw node.Error("an optimizer is required, for example {sgd: {lr: 0.1}}");
        var (kind, body) = node.Tagged();
        var groups = Groups(body, parameters);
        try
        {
            IOptimizer optimizer = kind switch
            {
                "sgd" => new Sgd(groups, body.Float("lr", 1e-3f), body.Float("momentum", 0f), body.Float("dampening", 0f), body.Float("weight_decay", 0f), body.Bool("nesterov", false)),
                "adam" => new Adam(groups, body.Float("lr", 1e-3f), Beta(body, 0), Beta(body, 1), body.Float("eps", 1e-8f), body.Float("weight_decay", 0f), body.Bool("amsgrad", false)),
                "adamw" => new AdamW(groups, body.Float("lr", 1e-3f), Beta(body, 0), Beta(body, 1), body.Float("eps", 1e-8f), body.Float("weight_decay", 1e-2f), body.Bool("amsgrad", false)),
                "rmsprop" => new RmsProp(groups, body.Float("lr", 1e-2f), body.Float("alpha", 0.99f), body.Float("eps", 1e-8f), body.Float("weight_decay", 0f), body.Float("momentum", 0f), body.Bool("centered", false)),
                "adagrad" => new Adagrad(groups, body.Float("lr", 1e-2f), body.Float("lr_decay", 0f), body.Float("weight_decay", 0f), body.Float("initial_accumulator_value", 0f), body.Float("eps", 1e-10f)),
                _ => throw node.Error($"unknown optimizer '{kind}' (sgd, adam, adamw, rmsprop, adagrad)"),
            };
            body.RejectUnknownKeys();
            return optimizer;
        }
        catch (ArgumentException e)
        {
            throw body.Error(e);
        }
    }

    private static float Beta(ConfigNode body, int index)
    {
        if (!body.Has("betas")) return index == 0 ? 0.9f : 0.999f;
        var betas = body.FloatList("betas");
        if (betas.Count != 2) throw body["betas"].Error($"expected two values [beta1, beta2], got {betas.Count}");
        return betas[index];
    }

    private static List<ParameterGroup> Groups(ConfigNode body, IReadOnlyList<(string Name, Parameter Parameter)> parameters)
    {
        var patterns = body["no_decay"].Items().Select(i => i.AsString()).ToList();
        if (patterns.Count == 0) return [new ParameterGroup(parameters.Select(p => p.Parameter))];
        var noDecay = parameters.Where(p => patterns.Any(g => Glob.Matches(g, p.Name))).Select(p => p.Parameter).ToList();
        var decay = parameters.Select(p => p.Parameter).Except(noDecay).ToList();
        return [new ParameterGroup(decay), new ParameterGroup(noDecay, weightDecay: 0f)];
    }
}
