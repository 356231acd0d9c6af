using Keel.Nn;

namespace Keel.Diagnostics;

/// <summary>How a layer's output is judged: saturation for squashing functions, dead units for the ReLU family.</summary>
public enum ActivationKind
{
    /// <summary>Not an activation (Linear, BatchNorm1d, Flatten, …): only mean, std and histogram.</summary>
    None,

    /// <summary><c>tanh</c>: saturated where <c>|y| &gt; 0.97</c> (its gradient <c>1 − y²</c> is under 0.06).</summary>
    Tanh,

    /// <summary>Sigmoid: saturated within 0.03 of 0 or 1 (its gradient <c>y(1 − y)</c> is under 0.03).</summary>
    Sigmoid,

    /// <summary>ReLU, leaky ReLU, ELU, SELU, GELU: a unit is dead when it is not positive for any example of the batch.</summary>
    ReluFamily,
}

/// <summary>Classifies modules and measures saturation.</summary>
public static class Activations
{
    /// <summary>Saturation threshold of <c>|tanh|</c> (Karpathy's makemore part 3 uses 0.97 for its saturation percentage).</summary>
    public const float TanhSaturation = 0.97f;

    /// <summary>Distance from 0 or 1 under which a sigmoid output counts as saturated.</summary>
    public const float SigmoidSaturation = 0.03f;

    /// <summary>The kind of <paramref name="module"/>.</summary>
    public static ActivationKind KindOf(Module module) => module switch
    {
        Keel.Nn.Tanh => ActivationKind.Tanh,
        Sigmoid => ActivationKind.Sigmoid,
        Relu or LeakyRelu or Elu or Selu or Gelu => ActivationKind.ReluFamily,
        _ => ActivationKind.None,
    };

    /// <summary>The fraction of saturated values, or null for a kind that does not saturate.</summary>
    public static float? Saturation(ActivationKind kind, ReadOnlySpan<float> y)
    {
        if (y.IsEmpty) return null;
        long count = 0;
        switch (kind)
        {
            case ActivationKind.Tanh:
                foreach (float v in y) if (!(MathF.Abs(v) <= TanhSaturation)) count++;
                break;
            case ActivationKind.Sigmoid:
                foreach (float v in y) if (!(v >= SigmoidSaturation && v <= 1 - SigmoidSaturation)) count++;
                break;
            default:
                return null;
        }
        return (float)count / y.Length;
    }

    /// <summary>
    /// For the ReLU family, the fraction of units (the last axis) that are not positive for any row
    /// of <paramref name="y"/>; null for other kinds.
    /// </summary>
    public static float? DeadFraction(ActivationKind kind, ReadOnlySpan<float> y, int units)
    {
        if (kind != ActivationKind.ReluFamily || units <= 0 || y.IsEmpty) return null;
        var alive = new bool[units];
        for (int i = 0; i < y.Length; i++)
        {
            if (y[i] > 0) alive[i % units] = true;
        }
        return (float)alive.Count(a => !a) / units;
    }
}
