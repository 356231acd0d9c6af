using Keel.Cli.Config;
using Keel.Tuning;
using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.Storage;

namespace Keel.Cli.Building;

/// <summary>What the <c>tune:</c> block asks for: the study to open and the metric trials optimize.</summary>
/// <param name="Study">The study, created or resumed in its storage.</param>
/// <param name="Metric">The validation metric trials report and return: <c>val_loss</c> or <c>val_accuracy</c>.</param>
internal sealed record TuneSettings(Study Study, string Metric);

/// <summary>
/// Builds the study of a config's <c>tune:</c> block, with Optuna's names for every option:
/// <c>study</c> (default: the config file's name), <c>metric</c> (<c>val_loss</c>, minimized, or
/// <c>val_accuracy</c>, maximized; <c>direction</c> may say so and must agree), <c>seed</c> (default the
/// config's), <c>sampler</c> (<c>tpe</c> {n_startup_trials, n_ei_candidates, prior_weight,
/// constant_liar}, <c>random</c>, <c>grid</c>) and <c>pruner</c> (<c>none</c>, <c>median</c> and
/// <c>percentile</c> {percentile, n_startup_trials, n_warmup_steps, interval_steps, n_min_trials},
/// <c>successive_halving</c> {min_resource, reduction_factor, min_early_stopping_rate, bootstrap_count},
/// <c>hyperband</c> {min_resource, max_resource, reduction_factor, bootstrap_count}). Resources and
/// warm-up are training steps; Hyperband's resources default to <c>train.eval_every</c> and <c>train.steps</c>.
/// </summary>
internal static class StudyBuilder
{
    public static TuneSettings Build(ConfigNode root, SearchBlock search, string? studyName, IStudyStorage storage)
    {
        var tune = root["tune"];
        string metric = tune.String("metric", "val_loss")!;
        if (metric is not ("val_loss" or "val_accuracy")) throw tune["metric"].Error($"expected val_loss or val_accuracy, got '{metric}'");
        var direction = metric == "val_loss" ? StudyDirection.Minimize : StudyDirection.Maximize;
        string expected = direction.ToString().ToLowerInvariant();
        if (tune.String("direction", expected) != expected) throw tune["direction"].Error($"{metric} is {expected}d, so the direction must be {expected}");
        string name = studyName ?? tune.String("study", Path.GetFileNameWithoutExtension(root.File))!;
        var options = new StudyOptions
        {
            Storage = storage,
            Seed = tune.Long("seed", root.Long("seed", 42)),
            Sampler = Sampler(tune["sampler"], search),
            Pruner = Pruner(tune["pruner"], root),
        };
        tune.RejectUnknownKeys();
        try
        {
            return new TuneSettings(Study.Create(name, direction, options), metric);
        }
        catch (InvalidOperationException e)
        {
            throw tune.Error(e);
        }
    }

    private static ISampler Sampler(ConfigNode node, SearchBlock search) => Tagged<ISampler>(node, new TpeSampler(), "sampler", "tpe, random or grid", (kind, body) => kind switch
    {
        "tpe" => new TpeSampler(body.Int("n_startup_trials", 10), body.Int("n_ei_candidates", 24), body.Float("prior_weight", 1f), body.Bool("constant_liar", true)),
        "random" => new RandomSampler(),
        "grid" => new GridSampler(search.Space),
        _ => null,
    });

    private static IPruner Pruner(ConfigNode node, ConfigNode root)
    {
        long? steps = root.Find("train.steps") is { IsNull: false } s ? s.AsLong() : null;
        int evaluateEvery = root.Find("train.eval_every") is { IsNull: false } e ? e.AsInt() : (int)Math.Max(1, (steps ?? 10) / 10);
        return Tagged<IPruner>(node, new MedianPruner(), "pruner", "none, median, percentile, successive_halving or hyperband", (kind, body) => kind switch
        {
            "none" => new NopPruner(),
            "median" => new MedianPruner(body.Int("n_startup_trials", 5), body.Int("n_warmup_steps", 0), body.Int("interval_steps", 1), body.Int("n_min_trials", 1)),
            "percentile" => new PercentilePruner(body.Float("percentile"), body.Int("n_startup_trials", 5), body.Int("n_warmup_steps", 0), body.Int("interval_steps", 1), body.Int("n_min_trials", 1)),
            "successive_halving" => new SuccessiveHalvingPruner(body.Int("min_resource", evaluateEvery), body.Int("reduction_factor", 4),
                body.Int("min_early_stopping_rate", 0), body.Int("bootstrap_count", 0)),
            "hyperband" => new HyperbandPruner(body.Int("min_resource", evaluateEvery), body.Has("max_resource") ? body.Int("max_resource") : steps is { } m ? checked((int)m) : null,
                body.Int("reduction_factor", 3), body.Int("bootstrap_count", 0)),
            _ => null,
        });
    }

    /// <summary>A <c>{kind: {options}}</c> value (or a bare kind) made by <paramref name="make"/>, which returns null for an unknown kind.</summary>
    private static T Tagged<T>(ConfigNode node, T absent, string what, string known, Func<string, ConfigNode, T?> make) where T : class
    {
        if (node.IsNull) return absent;
        var (kind, body) = node.Tagged();
        try
        {
            var made = make(kind, body) ?? throw node.Error($"unknown {what} '{kind}' ({known})");
            body.RejectUnknownKeys();
            return made;
        }
        catch (ArgumentException e)
        {
            throw node.Error(e);
        }
    }
}
