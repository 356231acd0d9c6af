namespace Keel.Tensors;

/// <summary>
/// A trainable tensor, like <c>torch.nn.Parameter</c>: a leaf that requires grad and whose
/// <see cref="Tensor.Name"/> is its dotted path in the model (<c>layers.2.weight</c>).
/// </summary>
/// <remarks>Optimizers, clipping, constraints and penalties take parameters, never modules.</remarks>
public sealed class Parameter : Tensor
{
    /// <summary>A parameter holding a copy of <paramref name="initial"/>'s values.</summary>
    public Parameter(Tensor initial, string? name = null)
        : base(initial.Shape, requiresGrad: true, clear: false)
    {
        initial.Data.CopyTo(Data);
        Name = name;
    }

    /// <summary>A zero-filled parameter of the given shape.</summary>
    public Parameter(Shape shape, string? name = null)
        : base(shape, requiresGrad: true, clear: true)
    {
        Name = name;
    }
}
