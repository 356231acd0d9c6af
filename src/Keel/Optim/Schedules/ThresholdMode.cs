namespace Keel.Optim;

/// <summary>How an improvement is measured against the best value so far.</summary>
public enum ThresholdMode
{
    /// <summary>Better than <c>best · (1 ∓ threshold)</c> (PyTorch's default, <c>'rel'</c>).</summary>
    Relative,

    /// <summary>Better than <c>best ∓ threshold</c> (PyTorch's <c>'abs'</c>, Keras' <c>min_delta</c>).</summary>
    Absolute,
}
