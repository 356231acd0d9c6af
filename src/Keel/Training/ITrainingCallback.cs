namespace Keel.Training;

/// <summary>
/// Hooks into a <see cref="Trainer"/>'s fit, like Keras callbacks: every member has an empty default,
/// so a callback implements only what it needs.
/// </summary>
public interface ITrainingCallback
{
    /// <summary>Before the first step of a fit.</summary>
    void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>After each training step.</summary>
    void OnStepEnd(TrainingContext context)
    {
    }

    /// <summary>After each evaluation, with the row just added to the history.</summary>
    void OnEvaluation(TrainingContext context, HistoryRow row)
    {
    }

    /// <summary>After the last step, whether training ran to the end or was stopped.</summary>
    void OnTrainEnd(TrainingContext context)
    {
    }
}
