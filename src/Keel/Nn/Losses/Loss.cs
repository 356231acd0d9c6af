using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// A loss between a prediction and a target with PyTorch's <c>reduction</c> (mean by default),
/// like the classes of <c>torch.nn</c> that end in <c>Loss</c>. A loss converts to
/// <c>Func&lt;Tensor, Tensor, Tensor&gt;</c>, the form a trainer takes; <see cref="Losses"/> holds
/// the same losses as functions.
/// </summary>
public abstract class Loss
{
    /// <summary>A loss combining per-element values by <paramref name="reduction"/>.</summary>
    protected Loss(Reduction reduction) => Reduction = reduction;

    /// <summary>Mean (default), sum, or none (one value per element).</summary>
    public Reduction Reduction { get; }

    /// <summary>The loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    public abstract Tensor Forward(Tensor input, Tensor target);

    /// <summary>The loss as a function.</summary>
    public static implicit operator Func<Tensor, Tensor, Tensor>(Loss loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        return loss.Forward;
    }

    /// <summary>The loss as a function (the named alternative to the implicit conversion).</summary>
    public Func<Tensor, Tensor, Tensor> ToFunc() => Forward;

    /// <summary>Combines per-element losses: mean (<c>Σ/n</c>, NaN for no elements as PyTorch), sum, or unchanged.</summary>
    protected Tensor Reduce(Tensor elementwise) => Reduction switch
    {
        Reduction.Mean => elementwise.Mean(),
        Reduction.Sum => elementwise.Sum(),
        Reduction.None => elementwise,
        _ => throw new ArgumentOutOfRangeException(nameof(Reduction), Reduction, "unknown reduction"),
    };

    /// <summary>Checks that an elementwise loss gets a target of the prediction's shape.</summary>
    protected void RequireSameShape(Tensor input, Tensor target)
    {
        if (input.Shape != target.Shape)
            throw new ArgumentException($"{GetType().Name}: the prediction has shape {input.Shape} but the target has shape {target.Shape}; they must match");
    }
}
