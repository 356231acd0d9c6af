using System.Numerics.Tensors;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>Clip by value: <c>g[i] ← clamp(g[i], −c, c)</c> (PyTorch's <c>clip_grad_value_</c>, Keras' <c>clipvalue</c>).</summary>
public sealed class ValueClipping : GradientClipping
{
    internal ValueClipping(float clipValue, NonFinitePolicy onNonFinite)
        : base(onNonFinite)
    {
        CheckPositive(clipValue, nameof(clipValue));
        ClipValue = clipValue;
    }

    /// <summary>c.</summary>
    public float ClipValue { get; }

    private protected override void ClipFinite(IReadOnlyList<Parameter> parameters, double totalNorm)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Grad is not { } grad) continue;
            var g = grad.Data;
            TensorPrimitives.Min(g, ClipValue, g);
            TensorPrimitives.Max(g, -ClipValue, g);
        }
    }
}
