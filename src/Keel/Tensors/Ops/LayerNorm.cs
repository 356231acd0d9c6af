using Keel.Kernels.Normalization;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Layer normalization over the trailing axes given by <paramref name="normalizedShape"/>, like
    /// PyTorch's <c>F.layer_norm</c>; see <see cref="LayerNormOp"/> for the formulas.
    /// </summary>
    /// <param name="normalizedShape">The trailing axes to normalize over (often just the last one).</param>
    /// <param name="weight">γ of shape <paramref name="normalizedShape"/>, or null for 1.</param>
    /// <param name="bias">β of shape <paramref name="normalizedShape"/>, or null for 0.</param>
    /// <param name="eps">Added to the variance before the square root (PyTorch's 1e-5).</param>
    public Tensor LayerNorm(Shape normalizedShape, Tensor? weight = null, Tensor? bias = null, float eps = 1e-5f)
        => LayerNormOp.Forward(this, normalizedShape, weight, bias, eps);
}

/// <summary>
/// Layer normalization (Ba, Kiros and Hinton, 2016): each sample is normalized over its trailing
/// D = size(normalizedShape) values.
/// </summary>
/// <remarks>
/// <code>
/// μ = mean(x), σ² = mean((x − μ)²)        (biased, over the D values of a row)
/// x̂ = (x − μ)/√(σ² + ε) ;  y = γ·x̂ + β
/// ∂L/∂x = (1/√(σ² + ε))·(g − mean(g) − x̂·mean(g·x̂))  with g = dy·γ
/// ∂L/∂γ = Σ dy·x̂ ;  ∂L/∂β = Σ dy                     (over the rows)
/// </code>
/// Matches PyTorch's <c>F.layer_norm</c>. Keras' <c>LayerNormalization</c> defaults ε to 1e-3.
/// </remarks>
internal sealed class LayerNormOp : Op
{
    private readonly int _features, _weightIndex, _biasIndex;
    private float[]? _mean, _invStd;

    private LayerNormOp(Tensor[] inputs, int features, int weightIndex, int biasIndex, float[] mean, float[] invStd)
        : base(inputs)
    {
        (_features, _weightIndex, _biasIndex, _mean, _invStd) = (features, weightIndex, biasIndex, mean, invStd);
    }

    public override string Name => "LayerNorm";

    public static Tensor Forward(Tensor x, Shape normalizedShape, Tensor? weight, Tensor? bias, float eps)
    {
        Validate(x, normalizedShape, weight, bias);
        if (!(eps > 0f)) throw new ArgumentException($"LayerNorm: eps must be positive, got {eps}");
        int features = normalizedShape.Size;
        int rows = features == 0 ? 0 : x.Size / features;
        var pool = BufferPool.Shared;
        float[] mean = pool.Rent(rows, clear: false), invStd = pool.Rent(rows, clear: false);
        var y = Tensor.Pooled(x.Shape, clear: false);
        if (features > 0)
            LayerNormKernels.Forward(x.Data, features, weight is null ? [] : weight.Data, bias is null ? [] : bias.Data, eps, y.Data, mean, invStd);

        bool record = GradMode.IsEnabled && (x.RequiresGrad || weight is { RequiresGrad: true } || bias is { RequiresGrad: true });
        if (!record || features == 0)
        {
            pool.Return(mean);
            pool.Return(invStd);
            return y;
        }
        var inputs = new List<Tensor> { x };
        int weightIndex = -1, biasIndex = -1;
        if (weight is not null) { inputs.Add(weight); weightIndex = inputs.Count - 1; }
        if (bias is not null) { inputs.Add(bias); biasIndex = inputs.Count - 1; }
        y.SetOp(new LayerNormOp([.. inputs], features, weightIndex, biasIndex, mean, invStd));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        if (_mean is null || _invStd is null) throw new InvalidOperationException("LayerNorm backward after its saved statistics were released");
        Tensor x = Inputs[0];
        Tensor? weight = _weightIndex >= 0 ? Inputs[_weightIndex] : null, bias = _biasIndex >= 0 ? Inputs[_biasIndex] : null;
        LayerNormKernels.Backward(
            x.Data, outputGrad, _features, _mean, _invStd, weight is null ? [] : weight.Data,
            x.RequiresGrad ? x.GradForAccumulation() : [],
            weight is { RequiresGrad: true } ? weight.GradForAccumulation() : [],
            bias is { RequiresGrad: true } ? bias.GradForAccumulation() : []);
    }

    public override void ReleaseSaved()
    {
        if (_mean is { } mean) BufferPool.Shared.Return(mean);
        if (_invStd is { } invStd) BufferPool.Shared.Return(invStd);
        (_mean, _invStd) = (null, null);
    }

    private static void Validate(Tensor x, Shape normalizedShape, Tensor? weight, Tensor? bias)
    {
        int k = normalizedShape.Rank;
        bool fits = k >= 1 && x.Rank >= k && x.Shape.Dims[(x.Rank - k)..].SequenceEqual(normalizedShape.Dims);
        if (!fits)
            throw new ArgumentException($"LayerNorm: normalized shape {normalizedShape} is not the trailing axes of input {x.Shape}");
        if (weight is not null && weight.Shape != normalizedShape)
            throw new ArgumentException($"LayerNorm: weight of shape {weight.Shape} differs from the normalized shape {normalizedShape}");
        if (bias is not null && bias.Shape != normalizedShape)
            throw new ArgumentException($"LayerNorm: bias of shape {bias.Shape} differs from the normalized shape {normalizedShape}");
    }
}
