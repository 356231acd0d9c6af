namespace Keel.Stability;

/// <summary>What gradient clipping does when a gradient holds a NaN or an infinity.</summary>
public enum NonFinitePolicy
{
    /// <summary>Throw a <see cref="NonFiniteException"/> naming the first such parameter (PyTorch's <c>error_if_nonfinite=True</c>).</summary>
    Throw,

    /// <summary>Leave the gradients as they are and report that the step must be skipped.</summary>
    SkipStep,

    /// <summary>
    /// Zero every gradient and let the step run. Momentum and weight decay still move the
    /// parameters on a zero gradient; use <see cref="SkipStep"/> to leave them untouched.
    /// </summary>
    ZeroGradients,
}
