using System.Globalization;

namespace Keel.Tuning.Pruners;

/// <summary>Asynchronous successive halving (Li et al., 2020, ASHA), as Optuna's <c>SuccessiveHalvingPruner</c>.</summary>
/// <remarks>
/// Rung <c>k</c> ends at step <c>r·η^(s+k)</c> (<c>r = minResource</c>, <c>η = reductionFactor</c>,
/// <c>s = minEarlyStoppingRate</c>). When a trial reports at or past its current rung's step, its value
/// there is recorded (system attribute <c>completed_rung_k</c>) and compared with every value recorded
/// at that rung by any trial: it goes on only if it is among the best <c>⌊m/η⌋</c> of those <c>m</c>
/// values (at least the best one), otherwise it is pruned. A NaN value prunes; with
/// <c>bootstrapCount</c> &gt; 0 a rung needs more than that many values before anyone is promoted.
/// Defaults as Optuna: <c>minResource</c> null ("auto": the largest step of a completed trial / 100,
/// at least 1, fixed once known), <c>reductionFactor = 4</c>, <c>minEarlyStoppingRate = 0</c>.
/// </remarks>
public sealed class SuccessiveHalvingPruner : IPruner
{
    private const string RungPrefix = "completed_rung_";
    private readonly int _reductionFactor, _minEarlyStoppingRate, _bootstrapCount;
    private int? _minResource;

    /// <summary>Creates the pruner.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SuccessiveHalvingPruner(int? minResource = null, int reductionFactor = 4, int minEarlyStoppingRate = 0, int bootstrapCount = 0)
    {
        if (minResource is < 1) throw new ArgumentOutOfRangeException(nameof(minResource), minResource, "minResource must be ≥ 1 (or null for auto).");
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(minEarlyStoppingRate);
        ArgumentOutOfRangeException.ThrowIfNegative(bootstrapCount);
        (_minResource, _reductionFactor, _minEarlyStoppingRate, _bootstrapCount) =
            (minResource, reductionFactor, minEarlyStoppingRate, bootstrapCount);
    }

    /// <inheritdoc/>
    public bool Prune(PrunerContext context)
    {
        if (context.Trial.LastStep is not { } step) return false;
        int rung = context.Trial.SystemAttrs.Keys.Count(k => k.StartsWith(RungPrefix, StringComparison.Ordinal));
        double value = context.Trial.IntermediateValues[step];
        while (true)
        {
            _minResource ??= EstimateMinResource(context.Trials);
            if (_minResource is not { } minResource) return false;
            double promotionStep = minResource * Math.Pow(_reductionFactor, _minEarlyStoppingRate + rung);
            if (step < promotionStep) return false;
            if (double.IsNaN(value)) return true;

            string key = RungPrefix + rung.ToString(CultureInfo.InvariantCulture);
            context.SetSystemAttr(key, value.ToString("R", CultureInfo.InvariantCulture));
            var competing = context.Trials
                .Where(t => t.Number != context.Trial.Number && t.SystemAttrs.ContainsKey(key))
                .Select(t => double.Parse(t.SystemAttrs[key], CultureInfo.InvariantCulture))
                .Append(value).ToList();
            if (competing.Count <= _bootstrapCount) return true;
            if (!IsPromotable(value, competing, context.Direction)) return true;
            rung++;
        }
    }

    private bool IsPromotable(double value, List<double> competing, StudyDirection direction)
    {
        int index = Math.Max(competing.Count / _reductionFactor - 1, 0);
        competing.Sort();
        return direction == StudyDirection.Maximize ? value >= competing[^(index + 1)] : value <= competing[index];
    }

    private static int? EstimateMinResource(IReadOnlyList<FrozenTrial> trials)
    {
        var steps = trials.Where(t => t.State == TrialState.Complete && t.LastStep is not null).Select(t => t.LastStep!.Value).ToList();
        return steps.Count == 0 ? null : Math.Max(steps.Max() / 100, 1);
    }
}
