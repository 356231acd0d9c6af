using System.Globalization;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Samplers;

/// <summary>Exhaustive search over the full product of a search space (Optuna's <c>GridSampler</c>).</summary>
/// <remarks>
/// Each axis is every value of its distribution: every choice of a categorical, every step of an
/// integer or stepped float range; a continuous float range has no grid and is an error. Parameters
/// are ordered by name and the product enumerated with the last name varying fastest, as
/// <c>itertools.product</c> over Optuna's sorted search space. Each trial takes a grid point no
/// finished or running trial holds, drawn at random with the trial's seed so that parallel workers
/// rarely collide; when none is left it re-runs an unfinished one and asks the study to stop.
/// Once every point has finished, the study stops. Trials enqueued with fixed parameters are left alone.
/// </remarks>
public sealed class GridSampler : ISampler
{
    private const string GridIdKey = "grid_id";
    private readonly string[] _names;
    private readonly double[][] _axes;

    /// <summary>Creates the grid over <paramref name="searchSpace"/>.</summary>
    /// <exception cref="ArgumentException">A float range has no step, or the space is empty.</exception>
    public GridSampler(IReadOnlyDictionary<string, ParameterDistribution> searchSpace)
    {
        if (searchSpace.Count == 0) throw new ArgumentException("A grid needs at least one parameter.");
        SearchSpace = searchSpace;
        _names = [.. searchSpace.Keys.Order(StringComparer.Ordinal)];
        _axes = [.. _names.Select(n => Axis(n, searchSpace[n]))];
        GridSize = _axes.Aggregate(1L, (size, axis) => checked(size * axis.Length));
    }

    /// <summary>The distributions the grid spans.</summary>
    public IReadOnlyDictionary<string, ParameterDistribution> SearchSpace { get; }

    /// <summary>The number of grid points.</summary>
    public long GridSize { get; }

    /// <summary>The internal values of grid point <paramref name="gridId"/>.</summary>
    public IReadOnlyDictionary<string, double> Point(long gridId)
    {
        var point = new Dictionary<string, double>();
        for (int i = _names.Length - 1; i >= 0; i--)
        {
            point[_names[i]] = _axes[i][gridId % _axes[i].Length];
            gridId /= _axes[i].Length;
        }
        return point;
    }

    /// <inheritdoc/>
    public void BeforeTrial(SamplerContext context)
    {
        if (context.SystemAttrs.ContainsKey(GridIdKey) || context.SystemAttrs.ContainsKey(Trial.FixedParamsKey)) return;
        var targets = Unvisited(context.Trials, runningTaken: true);
        if (targets.Count == 0)
        {
            targets = Unvisited(context.Trials, runningTaken: false);
            if (targets.Count == 0) targets = [.. Enumerable.Range(0, (int)GridSize).Select(i => (long)i)];
            context.Stop();
        }
        long gridId = targets[context.Random.Next(targets.Count)];
        context.SetSystemAttr(GridIdKey, gridId.ToString(CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public double Sample(SamplerContext context, string name, ParameterDistribution distribution)
    {
        if (!SearchSpace.TryGetValue(name, out var gridDistribution) || gridDistribution != distribution)
            throw new InvalidOperationException(
                $"Parameter '{name}' ({distribution}) is not in the grid's search space as given to {nameof(GridSampler)}.");
        if (!context.SystemAttrs.TryGetValue(GridIdKey, out string? id))
            throw new InvalidOperationException(
                $"Trial {context.Trial.Number} was enqueued without a value for '{name}'; with {nameof(GridSampler)} an enqueued trial must fix every parameter.");
        return Point(long.Parse(id, CultureInfo.InvariantCulture))[name];
    }

    /// <inheritdoc/>
    public void AfterTrial(SamplerContext context, FrozenTrial finished)
    {
        var others = context.Trials.Where(t => t.Number != finished.Number).Append(finished).ToList();
        if (Unvisited(others, runningTaken: false).Count == 0) context.Stop();
    }

    /// <summary>Grid points no finished trial holds (nor a running one, when <paramref name="runningTaken"/>).</summary>
    private List<long> Unvisited(IReadOnlyList<FrozenTrial> trials, bool runningTaken)
    {
        var taken = trials
            .Where(t => t.IsFinished || (runningTaken && t.State == TrialState.Running))
            .Select(t => t.SystemAttrs.TryGetValue(GridIdKey, out string? id) ? long.Parse(id, CultureInfo.InvariantCulture) : -1)
            .ToHashSet();
        var free = new List<long>();
        for (long i = 0; i < GridSize; i++)
            if (!taken.Contains(i)) free.Add(i);
        return free;
    }

    private static double[] Axis(string name, ParameterDistribution distribution) => distribution switch
    {
        CategoricalDistribution c => [.. Enumerable.Range(0, c.Choices.Count).Select(i => (double)i)],
        IntDistribution i => [.. Enumerable.Range(0, checked((int)((i.High - i.Low) / i.Step) + 1)).Select(k => (double)(i.Low + k * i.Step))],
        FloatDistribution { Step: { } s } f => [.. Enumerable.Range(0, (int)Math.Round((f.High - f.Low) / s) + 1).Select(k => f.Low + k * s)],
        _ => throw new ArgumentException(
            $"Grid parameter '{name}' is a continuous range ({distribution}); give it a step or list its values as a categorical."),
    };
}
