using Keel.Tensors;

namespace Keel.Stability;

/// <summary>The L1 penalty <c>λ · Σ|w|</c>, whose gradient is <c>λ·sign(w)</c>; Keras' <c>L1(l1 = λ)</c>.</summary>
public sealed class L1Penalty : Penalty
{
    internal L1Penalty(float lambda)
    {
        CheckStrength(lambda, nameof(lambda));
        Lambda = lambda;
    }

    /// <summary>λ.</summary>
    public float Lambda { get; }

    private protected override Tensor Term(Parameter parameter) => SumOfMagnitudes(parameter) * Lambda;
}
