namespace Keel.Diagnostics;

/// <summary>What a detector looks for.</summary>
public enum FindingKind
{
    /// <summary>Gradient norms growing over a window, non-finite values, or weights growing without bound.</summary>
    Exploding,

    /// <summary>Early layers' gradients orders of magnitude under later layers', or updates under 1e-5 of the weights.</summary>
    Vanishing,

    /// <summary>Tanh or sigmoid outputs pinned near their limits, where the gradient is almost zero.</summary>
    Saturation,

    /// <summary>ReLU-family units that are not positive for any example and so never learn.</summary>
    DeadUnits,

    /// <summary>Updates far above 1e-3 of the weights per step.</summary>
    LrTooHigh,

    /// <summary>Updates far below 1e-3 of the weights per step.</summary>
    LrTooLow,

    /// <summary>Validation loss rising while the training loss falls.</summary>
    Overfitting,

    /// <summary>The loss at step 0 far from that of a uniform prediction.</summary>
    InitialLoss,
}

/// <summary>How bad a finding is.</summary>
public enum Severity
{
    /// <summary>Worth knowing; training works.</summary>
    Info,

    /// <summary>Training is slowed or harmed.</summary>
    Warning,

    /// <summary>Training is broken (non-finite values, a network that cannot learn).</summary>
    Critical,
}

/// <summary>One diagnosis: what is wrong, where, the numbers that show it, and the Keel setting that fixes it.</summary>
/// <param name="Kind">What was detected.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Layer">The layer or parameter concerned, or null for the whole network.</param>
/// <param name="Evidence">The measured numbers, in words.</param>
/// <param name="Fix">The config setting (and library option) to change.</param>
public sealed record Finding(FindingKind Kind, Severity Severity, string? Layer, string Evidence, string Fix);
