namespace Keel.Tensors.Graph;

/// <summary>
/// A recorded operation: the tensors it read and how to push the gradient of its output back to
/// them. Each differentiable op is one sealed subclass, forward and backward in one file.
/// </summary>
internal abstract class Op(params Tensor[] inputs)
{
    /// <summary>The tensors the forward pass read, in argument order.</summary>
    public Tensor[] Inputs { get; } = inputs;

    /// <summary>The op's name as users see it in <see cref="Tensor.GradFn"/> and in messages.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Adds <c>∂L/∂input</c> to the gradient of each input that requires grad
    /// (<see cref="Tensor.GradForAccumulation"/>), given the forward output and <c>∂L/∂output</c>.
    /// </summary>
    public abstract void Backward(Tensor output, ReadOnlySpan<float> outputGrad);

    /// <summary>Returns any buffers the op saved for backward to the pool.</summary>
    public virtual void ReleaseSaved()
    {
    }

    /// <summary>True when an op on these inputs must be recorded.</summary>
    public static bool ShouldRecord(Tensor a) => GradMode.IsEnabled && a.RequiresGrad;

    /// <inheritdoc cref="ShouldRecord(Tensor)"/>
    public static bool ShouldRecord(Tensor a, Tensor b) => GradMode.IsEnabled && (a.RequiresGrad || b.RequiresGrad);
}
