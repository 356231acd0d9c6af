using System.Globalization;
using Keel.Training;
using Spectre.Console;

namespace Keel.Cli.Output;

/// <summary>
/// Shows training progress: a live bar (step, loss, validation loss, learning rate, steps per
/// second, time left) on a terminal, or a plain line every few seconds when output is redirected.
/// </summary>
internal sealed class ConsoleProgress(IAnsiConsole console) : IProgress<TrainingProgress>
{
    private ProgressTask? _task;
    private TimeSpan? _lastLine;

    /// <summary>Runs <paramref name="work"/> with the live bar when the console is interactive.</summary>
    public T Run<T>(long totalSteps, long startStep, Func<T> work)
    {
        if (!console.Profile.Capabilities.Interactive) return work();
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                _task = context.AddTask("training", maxValue: Math.Max(1, totalSteps));
                _task.Value = startStep;
                return work();
            });
    }

    public void Report(TrainingProgress value)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"step {value.Step}/{value.TotalSteps}  loss {value.Loss:F4}  val {(value.ValidationLoss is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-")}  lr {value.LearningRate:G3}  {value.StepsPerSecond:F0} steps/s  {value.Remaining:hh\\:mm\\:ss} left");
        if (_task is { } task)
        {
            task.Value = value.Step;
            task.Description = Markup.Escape(text);
            return;
        }
        // Redirected output: one line every few seconds and at the end, not one per report.
        if (value.Step == value.TotalSteps || _lastLine is not { } last || value.Elapsed - last >= TimeSpan.FromSeconds(5))
        {
            _lastLine = value.Elapsed;
            console.WriteLine(text);
        }
    }
}
