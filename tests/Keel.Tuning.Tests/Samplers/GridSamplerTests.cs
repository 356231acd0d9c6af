using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.SearchSpace;

namespace Keel.Tuning.Tests.Samplers;

public sealed class GridSamplerTests
{
    private static readonly Dictionary<string, ParameterDistribution> Space = new()
    {
        ["act"] = new CategoricalDistribution(["tanh", "relu"]),
        ["lr"] = new FloatDistribution(0.1, 0.3, step: 0.1),
        ["units"] = new IntDistribution(8, 16, step: 8),
    };

    private static double Objective(Trial t) =>
        t.SuggestFloat("lr", 0.1, 0.3, step: 0.1) + t.SuggestInt("units", 8, 16, step: 8) + (t.SuggestCategorical("act", ["tanh", "relu"]) == "relu" ? 100 : 0);

    [Fact]
    public void The_grid_is_the_full_product_in_itertools_order()
    {
        var grid = new GridSampler(Space);
        Assert.Equal(12, grid.GridSize);
        Assert.Equal(new Dictionary<string, double> { ["act"] = 0, ["lr"] = 0.1, ["units"] = 8 }, grid.Point(0));
        Assert.Equal(new Dictionary<string, double> { ["act"] = 0, ["lr"] = 0.1, ["units"] = 16 }, grid.Point(1));
        Assert.Equal(new Dictionary<string, double> { ["act"] = 1, ["lr"] = 0.30000000000000004, ["units"] = 16 }, grid.Point(11));
    }

    [Fact]
    public void Every_point_runs_once_and_then_the_study_stops()
    {
        var study = Study.Create("grid", options: new StudyOptions { Sampler = new GridSampler(Space), Pruner = new NopPruner() });
        study.Optimize(Objective, trials: 100);
        var trials = study.Trials;
        Assert.Equal(12, trials.Count);
        Assert.Equal(12, trials.Select(t => string.Join(",", t.Params.OrderBy(p => p.Key).Select(p => p.Value))).Distinct().Count());
        Assert.Equal(8.1, study.BestValue, 9);
    }

    [Fact]
    public void Parallel_workers_cover_the_whole_grid()
    {
        var study = Study.Create("grid", options: new StudyOptions { Sampler = new GridSampler(Space), Pruner = new NopPruner() });
        study.Optimize(t => { Thread.Sleep(2); return Objective(t); }, trials: 100, parallelism: 3);
        // A worker that finds every point taken re-runs one and stops the study: at most one extra each.
        Assert.InRange(study.Trials.Count, 12, 15);
        Assert.Equal(12, study.Trials.Select(t => string.Join(",", t.Params.OrderBy(p => p.Key).Select(p => p.Value))).Distinct().Count());
    }

    [Fact]
    public void A_continuous_range_without_a_step_is_an_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new GridSampler(new Dictionary<string, ParameterDistribution> { ["lr"] = new FloatDistribution(0, 1) }));
        Assert.Contains("'lr' is a continuous range", e.Message);
    }

    [Fact]
    public void Enqueued_trials_keep_their_values_and_must_fix_every_parameter()
    {
        var study = Study.Create("grid", options: new StudyOptions { Sampler = new GridSampler(Space), Pruner = new NopPruner() });
        study.EnqueueTrial(new Dictionary<string, object> { ["lr"] = 0.2, ["units"] = 16, ["act"] = "relu" });
        study.Optimize(Objective, trials: 1);
        Assert.Equal(116.2, study.Trials[0].Value!.Value, 9);
        study.EnqueueTrial(new Dictionary<string, object> { ["lr"] = 0.2 });
        var e = Assert.Throws<InvalidOperationException>(() => study.Optimize(Objective, trials: 1));
        Assert.Contains("without a value for 'units'", e.Message);
    }

    [Fact]
    public void A_parameter_outside_the_grid_is_an_error()
    {
        var study = Study.Create("grid", options: new StudyOptions { Sampler = new GridSampler(Space) });
        var e = Assert.Throws<InvalidOperationException>(() => study.Optimize(t => t.SuggestFloat("momentum", 0, 1), trials: 1));
        Assert.Contains("'momentum'", e.Message);
    }
}
