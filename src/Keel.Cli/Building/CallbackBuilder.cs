using Keel.Cli.Config;
using Keel.Optim;
using Keel.Training;
using Keel.Training.Callbacks;

namespace Keel.Cli.Building;

/// <summary>
/// Builds <c>callbacks:</c> — <c>{early_stopping: {monitor, patience, min_delta, mode, baseline,
/// restore_best_weights}}</c>, <c>{reduce_lr_on_plateau: {monitor, mode, factor, patience, threshold,
/// threshold_mode: rel | abs, cooldown, min_lr}}</c>, <c>{model_checkpoint: {path, every_steps,
/// save_best_only, monitor, min_delta}}</c>.
/// </summary>
internal static class CallbackBuilder
{
    public static void AddTo(Trainer trainer, ConfigNode list)
    {
        foreach (var item in list.Items())
        {
            var (kind, body) = item.Tagged();
            try
            {
                trainer.Callbacks.Add(kind switch
                {
                    "early_stopping" => new EarlyStopping(body.String("monitor", "val_loss")!, body.Int("patience", 0), body.Float("min_delta", 0f),
                        Mode(body), body.Has("baseline") ? body.Float("baseline") : null, body.Bool("restore_best_weights", false)),
                    "reduce_lr_on_plateau" => new ReduceLROnPlateau(body.String("monitor", "val_loss")!, new ReduceOnPlateau(
                        Mode(body) ?? MonitorMode.Min, body.Float("factor", 0.1f), body.Int("patience", 10), body.Float("threshold", 1e-4f),
                        body.String("threshold_mode", "rel") == "abs" ? ThresholdMode.Absolute : ThresholdMode.Relative,
                        body.Int("cooldown", 0), body.Float("min_lr", 0f))),
                    "model_checkpoint" => new ModelCheckpoint(body.String("path"), body.Long("every_steps", 0), body.Bool("save_best_only", false),
                        body.String("monitor", "val_loss")!, body.Float("min_delta", 0f)),
                    _ => throw item.Error($"unknown callback '{kind}' (early_stopping, reduce_lr_on_plateau, model_checkpoint)"),
                });
            }
            catch (ArgumentException e)
            {
                throw body.Error(e);
            }
            body.RejectUnknownKeys();
        }
    }

    private static MonitorMode? Mode(ConfigNode body) => body.String("mode", null) switch
    {
        null or "auto" => null,
        "min" => MonitorMode.Min,
        "max" => MonitorMode.Max,
        var other => throw body["mode"].Error($"expected auto, min or max, got '{other}'"),
    };
}
