using Keel.Cli.Config;
using Keel.Optim;
using Keel.Stability;
using Keel.Tensors;

namespace Keel.Cli.Building;

/// <summary>
/// Builds the stability sections: <c>clipping:</c> (<c>{value: c}</c>, <c>{norm: {max, axes}}</c>,
/// <c>{global_norm: c}</c> or <c>{global_norm: {max, norm_type}}</c>, <c>{adaptive: {clipping, eps}}</c>;
/// each may add <c>on_nonfinite: throw | skip | zero</c>), <c>constraints:</c> (a list of
/// <c>{max_norm: {max, axis, params}}</c>, <c>unit_norm</c>, <c>non_neg</c>, <c>min_max_norm</c>,
/// <c>total_norm: {limit}</c>), <c>penalties:</c> (<c>{l1|l2: {lambda, params}}</c>,
/// <c>{l1l2: {l1, l2, params}}</c>) and <c>guard:</c> (<c>{on_nonfinite: skip | rollback,
/// max_consecutive, lr_factor, spike_factor, spike_window}</c>). <c>params</c> is a glob over
/// parameter names; it defaults to the weight matrices (<c>Module.Weights()</c>).
/// </summary>
internal static class StabilityBuilder
{
    public static GradientClipping? Clipping(ConfigNode node)
    {
        if (node.IsNull) return null;
        var (kind, body) = node.Tagged();
        bool scalar = !body.IsMapping && !body.IsNull;
        var policy = scalar ? NonFinitePolicy.Throw : Policy(body);
        return Checked(body, () => kind switch
        {
            "value" => GradientClipping.Value(scalar ? body.AsFloat() : body.Float("max"), policy),
            "norm" => GradientClipping.Norm(scalar ? body.AsFloat() : body.Float("max"), scalar ? null : Axes(body), policy),
            "global_norm" => GradientClipping.GlobalNorm(scalar ? body.AsFloat() : body.Float("max"), scalar ? 2f : NormType(body), policy),
            "adaptive" => GradientClipping.Adaptive(body.Float("clipping", 0.01f), body.Float("eps", 1e-3f), Axes(body), policy),
            _ => throw node.Error($"unknown clipping '{kind}' (value, norm, global_norm, adaptive)"),
        });
    }

    public static IEnumerable<ConstraintBinding> Constraints(ConfigNode list, IReadOnlyList<(string Name, Parameter Parameter)> parameters, IReadOnlyList<Parameter> weights)
    {
        foreach (var item in list.Items())
        {
            var (kind, body) = item.Tagged();
            var chosen = Select(body, parameters, weights);
            Constraint constraint = Checked(body, () => kind switch
            {
                "max_norm" => (Constraint)Keel.Stability.Constraints.MaxNorm(body.Float("max", 2f), body.Int("axis", 0)),
                "unit_norm" => Keel.Stability.Constraints.UnitNorm(body.Int("axis", 0)),
                "non_neg" => Keel.Stability.Constraints.NonNeg(),
                "min_max_norm" => Keel.Stability.Constraints.MinMaxNorm(body.Float("min", 0f), body.Float("max", 1f), body.Float("rate", 1f), body.Int("axis", 0)),
                "total_norm" => Keel.Stability.Constraints.TotalNorm(body.Float("limit")),
                _ => throw item.Error($"unknown constraint '{kind}' (max_norm, unit_norm, non_neg, min_max_norm, total_norm)"),
            });
            yield return constraint.For(chosen);
        }
    }

    public static IEnumerable<PenaltyBinding> Penalties(ConfigNode list, IReadOnlyList<(string Name, Parameter Parameter)> parameters, IReadOnlyList<Parameter> weights)
    {
        foreach (var item in list.Items())
        {
            var (kind, body) = item.Tagged();
            var chosen = Select(body, parameters, weights);
            Penalty penalty = Checked(body, () => kind switch
            {
                "l1" => (Penalty)Keel.Stability.Penalties.L1(body.Float("lambda")),
                "l2" => Keel.Stability.Penalties.L2(body.Float("lambda")),
                "l1l2" => Keel.Stability.Penalties.L1L2(body.Float("l1", 0f), body.Float("l2", 0f)),
                _ => throw item.Error($"unknown penalty '{kind}' (l1, l2, l1l2)"),
            });
            yield return penalty.For(chosen);
        }
    }

    public static NonFiniteGuard? Guard(ConfigNode node, IOptimizer optimizer)
    {
        if (node.IsNull) return null;
        var action = node.String("on_nonfinite", "skip");
        if (action is not ("skip" or "rollback")) throw node["on_nonfinite"].Error($"expected skip or rollback, got '{action}'");
        return Checked(node, () => new NonFiniteGuard(optimizer, node.Int("max_consecutive", 10), node.Float("lr_factor", 1f), action == "rollback",
            node.Float("spike_factor", 0f), node.Int("spike_window", 100), node.Int("spike_min_history", 10)));
    }

    private static List<Parameter> Select(ConfigNode body, IReadOnlyList<(string Name, Parameter Parameter)> parameters, IReadOnlyList<Parameter> weights)
    {
        if (body.String("params", null) is not { } pattern) return [.. weights];
        var chosen = parameters.Where(p => Glob.Matches(pattern, p.Name)).Select(p => p.Parameter).ToList();
        if (chosen.Count == 0) throw body["params"].Error($"'{pattern}' matches no parameter; the model has {string.Join(", ", parameters.Select(p => p.Name))}");
        return chosen;
    }

    private static NonFinitePolicy Policy(ConfigNode body) => body.String("on_nonfinite", "throw") switch
    {
        "throw" => NonFinitePolicy.Throw,
        "skip" => NonFinitePolicy.SkipStep,
        "zero" => NonFinitePolicy.ZeroGradients,
        var other => throw body["on_nonfinite"].Error($"expected throw, skip or zero, got '{other}'"),
    };

    private static int[]? Axes(ConfigNode body) => body.Has("axes") ? [.. body.LongList("axes").Select(a => (int)a)] : null;

    private static float NormType(ConfigNode body) => body.String("norm_type", "2") switch
    {
        "inf" or "infinity" => float.PositiveInfinity,
        var other => body.Float("norm_type", 2f),
    };

    private static T Checked<T>(ConfigNode body, Func<T> build)
    {
        try
        {
            var built = build();
            body.RejectUnknownKeys();
            return built;
        }
        catch (ArgumentException e)
        {
            throw body.Error(e);
        }
    }
}
