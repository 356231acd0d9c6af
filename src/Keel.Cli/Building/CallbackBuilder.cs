using Keel.Cli.Config;
using Keel.Optim;
using Keel.Training;
using Keel.Training.Callbacks;

namespace Keel.Cli.Building;

/// <summary>
/// Builds <c>callbacks:</c> — <c>{early_stopping: {monitor, patience, min_delta, mode, baseline,
/// restore_best_weights}}</c>.
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
                    _ => throw item.Error($"unknown callback '{kind}' (early_stopping)"),
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
