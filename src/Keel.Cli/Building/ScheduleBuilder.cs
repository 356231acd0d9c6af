using Keel.Cli.Config;
using Keel.Optim;

namespace Keel.Cli.Building;

/// <summary>
/// Builds <c>schedule:</c> — <c>{constant: {value}}</c>, <c>{exponential_decay: {initial, decay_steps,
/// decay_rate, staircase}}</c>, <c>{polynomial_decay: {initial, decay_steps, end, power, cycle}}</c>,
/// <c>{piecewise_constant: {boundaries, values}}</c>, <c>{step_decay: {initial, step_size, gamma}}</c>,
/// <c>{cosine_decay: {initial, decay_steps, alpha, warmup_target, warmup_steps}}</c>,
/// <c>{one_cycle: {max, total_steps, pct_start, …}}</c>, and <c>{linear_warmup: {steps, start, then: SCHEDULE}}</c>.
/// Steps are 0-based optimizer steps; <c>initial</c> defaults to the optimizer's <c>lr</c>.
/// </summary>
internal static class ScheduleBuilder
{
    public static ISchedule? Build(ConfigNode node, float learningRate)
    {
        if (node.IsNull) return null;
        var (kind, body) = node.Tagged();
        try
        {
            var schedule = kind switch
            {
                "constant" => Schedules.Constant(body.Float("value", learningRate)),
                "exponential_decay" => Schedules.ExponentialDecay(body.Float("initial", learningRate), body.Long("decay_steps", 0), body.Float("decay_rate"), body.Bool("staircase", false)),
                "polynomial_decay" => Schedules.PolynomialDecay(body.Float("initial", learningRate), body.Long("decay_steps", 0), body.Float("end", 1e-4f), body.Float("power", 1f), body.Bool("cycle", false)),
                "piecewise_constant" => Schedules.PiecewiseConstant([.. body.LongList("boundaries")], [.. body.FloatList("values")]),
                "step_decay" => Schedules.StepDecay(body.Float("initial", learningRate), body.Long("step_size", 0), body.Float("gamma", 0.1f)),
                "cosine_decay" => Schedules.CosineDecay(body.Float("initial", learningRate), body.Long("decay_steps", 0), body.Float("alpha", 0f),
                    body.Has("warmup_target") ? body.Float("warmup_target") : null, body.Long("warmup_steps", 0)),
                "one_cycle" => Schedules.OneCycle(body.Float("max", learningRate), body.Long("total_steps", 0), body.Float("pct_start", 0.3f),
                    body.Bool("cosine", true), body.Float("div_factor", 25f), body.Float("final_div_factor", 1e4f), body.Bool("three_phase", false)),
                "linear_warmup" => Schedules.LinearWarmup(
                    Build(body["then"], learningRate) ?? Schedules.Constant(learningRate), body.Long("steps", 0), body.Float("start", 0f)),
                _ => throw node.Error($"unknown schedule '{kind}'"),
            };
            body.RejectUnknownKeys();
            return schedule;
        }
        catch (ArgumentException e)
        {
            throw body.Error(e);
        }
    }
}
