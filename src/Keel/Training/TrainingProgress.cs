namespace Keel.Training;

/// <summary>A progress report, sent every <see cref="Trainer.ProgressEvery"/> steps and after each evaluation.</summary>
/// <param name="Step">Optimizer steps taken.</param>
/// <param name="TotalSteps">The step budget of this fit.</param>
/// <param name="Loss">Mean data loss over the steps since the last report.</param>
/// <param name="ValidationLoss">The latest validation loss, or null before the first evaluation.</param>
/// <param name="LearningRate">The optimizer's learning rate.</param>
/// <param name="StepsPerSecond">Training throughput since the fit started.</param>
/// <param name="Elapsed">Wall time since the fit started.</param>
public sealed record TrainingProgress(long Step, long TotalSteps, float Loss, float? ValidationLoss, float LearningRate, double StepsPerSecond, TimeSpan Elapsed)
{
    /// <summary>Estimated time to finish at the current throughput.</summary>
    public TimeSpan Remaining => StepsPerSecond > 0 ? TimeSpan.FromSeconds((TotalSteps - Step) / StepsPerSecond) : TimeSpan.Zero;
}
