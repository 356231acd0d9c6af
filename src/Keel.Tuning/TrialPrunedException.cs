namespace Keel.Tuning;

/// <summary>Thrown by an objective to stop its trial as pruned (Optuna's <c>TrialPruned</c>).</summary>
/// <remarks>Typical use: <c>if (trial.ShouldPrune()) throw new TrialPrunedException();</c></remarks>
public sealed class TrialPrunedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public TrialPrunedException() : base("The trial was pruned.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TrialPrunedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public TrialPrunedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
