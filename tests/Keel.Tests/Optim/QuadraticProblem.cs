using Keel.Tensors;
using Keel.Tests.Optim.Fixtures;

namespace Keel.Tests.Optim;

/// <summary>
/// The fixed problem of tests/reference/optimizers.py: parameters w [2, 3] and b [2] with the
/// gradient g = c·p + d, written into each parameter's gradient in float32 as PyTorch computes it.
/// </summary>
internal sealed class QuadraticProblem
{
    public QuadraticProblem()
    {
        Weight = new Parameter(Tensor.FromArray(OptimizerFixtures.Initial[0], [2, 3]), "layer.weight");
        Bias = new Parameter(Tensor.FromArray(OptimizerFixtures.Initial[1]), "layer.bias");
    }

    public Parameter Weight { get; }

    public Parameter Bias { get; }

    public Parameter[] Parameters => [Weight, Bias];

    /// <summary>Sets g = c·p + d on both parameters.</summary>
    public void ComputeGradients()
    {
        for (int k = 0; k < 2; k++)
        {
            var p = Parameters[k];
            p.Grad ??= Tensor.Zeros(p.Shape);
            var g = p.Grad.Data;
            var values = p.Data;
            for (int i = 0; i < values.Length; i++) g[i] = OptimizerFixtures.Curvature[k][i] * values[i] + OptimizerFixtures.Offset[k][i];
        }
    }

    /// <summary>w's values then b's.</summary>
    public float[] Values() => [.. Weight.ToArray(), .. Bias.ToArray()];
}
