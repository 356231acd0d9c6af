using System.Globalization;
using System.Text.Json;
using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning;

/// <summary>One evaluation of the objective: suggests parameters define-by-run and reports progress
/// (Optuna's <c>Trial</c>).</summary>
/// <remarks>
/// <code>
/// double lr = trial.SuggestFloat("lr", 1e-4, 1, log: true);
/// int units = trial.SuggestInt("units", 32, 256, step: 32);
/// string act = trial.SuggestCategorical("activation", ["tanh", "relu"]);
/// </code>
/// Suggesting a name again returns the value already chosen when the range is the same, and throws
/// when it differs. Values come from the trial's fixed parameters when it was enqueued with
/// <see cref="Study.EnqueueTrial"/>, otherwise from the study's sampler. A trial is used by one thread.
/// </remarks>
public sealed class Trial
{
    /// <summary>The system attribute holding an enqueued trial's fixed parameters (JSON, values as text).</summary>
    public const string FixedParamsKey = "fixed_params";

    private readonly Study _study;
    private readonly SamplerContext _sampler;
    private readonly Dictionary<string, double> _params = [];
    private readonly Dictionary<string, ParameterDistribution> _distributions = [];
    private readonly Dictionary<string, string> _systemAttrs;
    private readonly Dictionary<string, string>? _fixed;
    private readonly SortedDictionary<int, double> _intermediate = [];

    internal Trial(Study study, FrozenTrial started, IReadOnlyList<FrozenTrial> trials)
    {
        _study = study;
        Id = started.Id;
        Number = started.Number;
        Seed = TrialSeed.Derive(study.Seed, Number);
        _systemAttrs = new Dictionary<string, string>(started.SystemAttrs);
        if (_systemAttrs.TryGetValue(FixedParamsKey, out string? json))
            _fixed = JsonSerializer.Deserialize<Dictionary<string, string>>(json);
        _sampler = new SamplerContext(study.Name, study.Direction, started, trials, new Random(Seed), _systemAttrs, SetSystemAttr, study.Stop);
    }

    internal long Id { get; }

    internal SamplerContext SamplerContext => _sampler;

    /// <summary>The trial's number in its study (0, 1, 2, …), assigned by the storage.</summary>
    public int Number { get; }

    /// <summary>The trial's seed, derived from the study seed and <see cref="Number"/> (see <see cref="TrialSeed"/>).</summary>
    public int Seed { get; }

    /// <summary>Whether the study minimizes or maximizes the objective.</summary>
    public StudyDirection Direction => _study.Direction;

    /// <summary>The parameters suggested so far, as the objective saw them.</summary>
    public IReadOnlyDictionary<string, object> Params =>
        _params.ToDictionary(p => p.Key, p => _distributions[p.Key].ToExternal(p.Value));

    /// <summary>The values reported so far, by step.</summary>
    public IReadOnlyDictionary<int, double> IntermediateValues => _intermediate;

    /// <summary>Suggests a real value in <c>[low, high]</c>, log-uniform with <paramref name="log"/>, on a grid with <paramref name="step"/>.</summary>
    public double SuggestFloat(string name, double low, double high, double? step = null, bool log = false) =>
        Suggest(name, new FloatDistribution(low, high, log, step));

    /// <summary>Suggests an integer in <c>[low, high]</c> on a grid of <paramref name="step"/>, log-uniform with <paramref name="log"/>.</summary>
    public int SuggestInt(string name, int low, int high, int step = 1, bool log = false) =>
        (int)Suggest(name, new IntDistribution(low, high, log, step));

    /// <summary>Suggests one of <paramref name="choices"/>; they are told apart by their invariant text.</summary>
    public T SuggestCategorical<T>(string name, IReadOnlyList<T> choices) =>
        choices[(int)Suggest(name, new CategoricalDistribution([.. choices.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "")]))];

    /// <summary>Reports the objective's intermediate value at <paramref name="step"/> (an epoch, a step count).</summary>
    /// <remarks>As Optuna, a second report for a step already reported is ignored.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The step is negative.</exception>
    public void Report(int step, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (!_intermediate.TryAdd(step, value)) return;
        _study.Storage.SetIntermediateValue(Id, step, value);
    }

    /// <summary>Asks the study's pruner whether this trial should stop now, given what it reported.</summary>
    public bool ShouldPrune()
    {
        var trials = _study.Trials;
        var self = trials.Single(t => t.Number == Number);
        return _study.Pruner.Prune(new PrunerContext(_study.Name, _study.Direction, self, trials, SetSystemAttr));
    }

    private double Suggest(string name, ParameterDistribution distribution)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_distributions.TryGetValue(name, out var existing))
        {
            if (existing != distribution)
                throw new ArgumentException($"Parameter '{name}' was suggested as {existing} and now as {distribution}; a name keeps one range per trial.");
            return _params[name];
        }
        double value = _fixed is not null && _fixed.TryGetValue(name, out string? text)
            ? FixedValue(name, text, distribution)
            : _study.Sampler.Sample(_sampler, name, distribution);
        _study.Storage.SetParam(Id, name, value, distribution);
        _params[name] = value;
        _distributions[name] = distribution;
        return value;
    }

    private static double FixedValue(string name, string text, ParameterDistribution distribution)
    {
        double value = distribution is CategoricalDistribution c
            ? c.Choices.ToList().IndexOf(text)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;
        if (!distribution.Contains(value))
            throw new ArgumentException($"Enqueued value '{text}' of parameter '{name}' is not in {distribution}.");
        return value;
    }

    private void SetSystemAttr(string key, string value)
    {
        _study.Storage.SetSystemAttr(Id, key, value);
        _systemAttrs[key] = value;
    }
}
