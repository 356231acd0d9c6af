using System.Text;

namespace Keel.Tuning.Pruners;

/// <summary>Hyperband (Li et al., 2018) over asynchronous successive halving, as Optuna's <c>HyperbandPruner</c>.</summary>
/// <remarks>
/// With <c>R = maxResource</c>, <c>r = minResource</c> and <c>η = reductionFactor</c> there are
/// <c>B = ⌊log_η(R / r)⌋ + 1</c> brackets; bracket <c>b</c> is a <see cref="SuccessiveHalvingPruner"/>
/// with <c>minEarlyStoppingRate = b</c> and a share of trials <c>⌈B·η^(B−1−b) / (B − b)⌉</c>. A trial
/// joins bracket by <c>crc32("{studyName}_{number}") mod Σ shares</c>, walked through the shares in
/// order, and competes only with trials of its bracket. Defaults as Optuna: <c>minResource = 1</c>,
/// <c>maxResource</c> null ("auto": one more than the largest step of a completed trial, fixed once
/// known), <c>reductionFactor = 3</c>.
/// </remarks>
public sealed class HyperbandPruner : IPruner
{
    private readonly int _minResource, _reductionFactor, _bootstrapCount;
    private readonly Lock _lock = new();
    private int? _maxResource;
    private SuccessiveHalvingPruner[] _brackets = [];
    private int[] _budgets = [];

    /// <summary>Creates the pruner.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public HyperbandPruner(int minResource = 1, int? maxResource = null, int reductionFactor = 3, int bootstrapCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minResource, 1);
        if (maxResource is { } max && max < minResource)
            throw new ArgumentOutOfRangeException(nameof(maxResource), max, $"maxResource must be ≥ minResource {minResource}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(reductionFactor, 2);
        (_minResource, _maxResource, _reductionFactor, _bootstrapCount) = (minResource, maxResource, reductionFactor, bootstrapCount);
        if (maxResource is not null) Initialize();
    }

    /// <summary>The number of brackets, once the maximum resource is known (else 0).</summary>
    public int BracketCount => _brackets.Length;

    /// <summary>Each bracket's share of trials, in bracket order.</summary>
    public IReadOnlyList<int> Budgets => _budgets;

    /// <inheritdoc/>
    public bool Prune(PrunerContext context)
    {
        lock (_lock)
        {
            if (_brackets.Length == 0)
            {
                var steps = context.Trials.Where(t => t.State == TrialState.Complete && t.LastStep is not null).Select(t => t.LastStep!.Value).ToList();
                if (steps.Count == 0) return false;
                _maxResource = steps.Max() + 1;
                Initialize();
            }
        }
        int bracket = BracketOf(context.StudyName, context.Trial.Number);
        var sameBracket = context.Trials.Where(t => BracketOf(context.StudyName, t.Number) == bracket).ToList();
        return _brackets[bracket].Prune(context with { Trials = sameBracket });
    }

    /// <summary>The bracket a trial belongs to (0 before the brackets exist).</summary>
    public int BracketOf(string studyName, int trialNumber)
    {
        if (_brackets.Length == 0) return 0;
        long n = Crc32.Compute(Encoding.UTF8.GetBytes($"{studyName}_{trialNumber}")) % (uint)_budgets.Sum();
        for (int b = 0; b < _budgets.Length; b++)
        {
            n -= _budgets[b];
            if (n < 0) return b;
        }
        throw new InvalidOperationException("Unreachable: the budgets cover every residue.");
    }

    private void Initialize()
    {
        int max = _maxResource ?? throw new InvalidOperationException("The maximum resource is not known yet.");
        int count = (int)Math.Floor(Math.Log((double)max / _minResource) / Math.Log(_reductionFactor)) + 1;
        _budgets = [.. Enumerable.Range(0, count).Select(b =>
        {
            int s = count - 1 - b;
            return (int)Math.Ceiling(count * Math.Pow(_reductionFactor, s) / (s + 1));
        })];
        _brackets = [.. Enumerable.Range(0, count).Select(b =>
            new SuccessiveHalvingPruner(_minResource, _reductionFactor, minEarlyStoppingRate: b, _bootstrapCount))];
    }
}
