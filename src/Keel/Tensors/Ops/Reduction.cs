namespace Keel.Tensors;

/// <summary>How a loss combines its per-element values, as PyTorch's <c>reduction</c> argument.</summary>
public enum Reduction
{
    /// <summary>The average over elements (PyTorch's default, <c>'mean'</c>).</summary>
    Mean,

    /// <summary>The sum over elements (<c>'sum'</c>).</summary>
    Sum,

    /// <summary>No reduction: one loss per element (<c>'none'</c>).</summary>
    None,
}
