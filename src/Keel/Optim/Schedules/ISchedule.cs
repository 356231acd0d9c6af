namespace Keel.Optim;

/// <summary>
/// A learning rate as a pure function of the step, like a Keras <c>LearningRateSchedule</c>:
/// the same step always gives the same value, so a resumed run needs only the step count.
/// </summary>
/// <remarks>
/// Steps are 0-based: <c>ValueAt(0)</c> is the rate of the first update, as in Keras (which
/// passes <c>optimizer.iterations</c>, 0 on the first update) and PyTorch (whose scheduler holds
/// the value for <c>last_epoch = 0</c> until the first <c>scheduler.step()</c>). A trainer sets
/// <see cref="IOptimizer.LearningRate"/> to <c>ValueAt(t)</c> before update t.
/// </remarks>
public interface ISchedule
{
    /// <summary>The value at 0-based step <paramref name="step"/> (≥ 0).</summary>
    float ValueAt(long step);
}
