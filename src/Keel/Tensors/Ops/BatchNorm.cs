using Keel.Kernels.Normalization;
using Keel.Tensors.Graph;

namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Batch normalization of a <c>[B, C]</c> or <c>[B, T, C]</c> tensor over every axis but the
    /// last, like PyTorch's <c>F.batch_norm</c>; see <see cref="BatchNormOp"/> for the formulas.
    /// </summary>
    /// <param name="runningMean">Per-channel running mean <c>[C]</c>, or null to always use batch statistics.</param>
    /// <param name="runningVar">Per-channel running variance <c>[C]</c>; null exactly when <paramref name="runningMean"/> is.</param>
    /// <param name="weight">γ of shape <c>[C]</c>, or null for 1.</param>
    /// <param name="bias">β of shape <c>[C]</c>, or null for 0.</param>
    /// <param name="training">Normalize with this batch's statistics and update the running ones.</param>
    /// <param name="momentum">Weight of the batch statistic in the running average (PyTorch's 0.1).</param>
    /// <param name="eps">Added to the variance before the square root.</param>
    /// <param name="unbiasedRunningVar">Update the running variance with the unbiased batch variance (PyTorch), or the biased one (Keras).</param>
    /// <exception cref="ArgumentException">Shapes disagree, or a training batch has one value per channel.</exception>
    public Tensor BatchNorm(
        Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias, bool training,
        float momentum = 0.1f, float eps = 1e-5f, bool unbiasedRunningVar = true)
        => BatchNormOp.Forward(this, runningMean, runningVar, weight, bias, training, momentum, eps, unbiasedRunningVar);
}

/// <summary>
/// Batch normalization (Ioffe and Szegedy, 2015) over every axis but the last, which holds the C
/// channels; n is the number of reduced rows (B, or B·T).
/// </summary>
/// <remarks>
/// <code>
/// training: μ = mean(x), σ² = mean((x − μ)²)            (biased, over the n rows)
///           running_mean ← (1 − m)·running_mean + m·μ
///           running_var  ← (1 − m)·running_var  + m·σ²·n/(n − 1)   (unbiased; biased if asked)
/// eval:     μ, σ² = running_mean, running_var
/// x̂ = (x − μ)/√(σ² + ε) ;  y = γ·x̂ + β
/// ∂L/∂x = (γ/√(σ² + ε))·(dy − mean(dy) − x̂·mean(dy·x̂))   (batch statistics)
/// ∂L/∂x = (γ/√(σ² + ε))·dy                               (running statistics)
/// ∂L/∂γ = Σ dy·x̂ ;  ∂L/∂β = Σ dy
/// </code>
/// This is PyTorch's <c>F.batch_norm</c>, except that the channels are the LAST axis (PyTorch's
/// BatchNorm1d takes <c>[N, C, L]</c>); <c>[B, T, C]</c> therefore reduces over B and T. A
/// training batch with one value per channel has a zero variance and no unbiased variance, so it
/// is refused with PyTorch's message, "expected more than 1 value per channel when training".
/// </remarks>
internal sealed class BatchNormOp : Op
{
    private readonly int _weightIndex, _biasIndex;
    private readonly bool _batchStatistics;
    private float[]? _mean, _invStd;

    private BatchNormOp(Tensor[] inputs, int weightIndex, int biasIndex, bool batchStatistics, float[] mean, float[] invStd)
        : base(inputs)
    {
        (_weightIndex, _biasIndex, _batchStatistics, _mean, _invStd) = (weightIndex, biasIndex, batchStatistics, mean, invStd);
    }

    public override string Name => "BatchNorm";

    public static Tensor Forward(
        Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool training, float momentum, float eps, bool unbiasedRunningVar)
    {
        int channels = Validate(x, runningMean, runningVar, weight, bias);
        int rows = x.Size / Math.Max(1, channels);
        bool batchStatistics = training || runningMean is null;
        if (batchStatistics && rows <= 1)
            throw new ArgumentException($"BatchNorm: expected more than 1 value per channel when training, got input of shape {x.Shape}");
        if (!(eps > 0f)) throw new ArgumentException($"BatchNorm: eps must be positive, got {eps}");

        var pool = BufferPool.Shared;
        float[] mean = pool.Rent(channels, clear: false), invStd = pool.Rent(channels, clear: false);
        if (batchStatistics)
        {
            float[] variance = pool.Rent(channels, clear: false);
            BatchNormKernels.Moments(x.Data, channels, mean, variance);
            if (training && runningMean is not null && runningVar is not null)
            {
                BatchNormKernels.UpdateRunning(runningMean.Data, mean, momentum);
                float correction = unbiasedRunningVar ? rows / (rows - 1f) : 1f;
                BatchNormKernels.UpdateRunning(runningVar.Data, variance, momentum, correction);
            }
            BatchNormKernels.InverseStd(variance, eps, invStd);
            pool.Return(variance);
        }
        else
        {
            runningMean!.Data.CopyTo(mean);
            BatchNormKernels.InverseStd(runningVar!.Data, eps, invStd);
        }

        var y = Tensor.Pooled(x.Shape, clear: false);
        BatchNormKernels.Normalize(x.Data, mean, invStd, weight is null ? [] : weight.Data, bias is null ? [] : bias.Data, y.Data);
        bool record = GradMode.IsEnabled && (x.RequiresGrad || weight is { RequiresGrad: true } || bias is { RequiresGrad: true });
        if (!record)
        {
            pool.Return(mean);
            pool.Return(invStd);
            return y;
        }
        var inputs = new List<Tensor> { x };
        int weightIndex = Add(inputs, weight), biasIndex = Add(inputs, bias);
        y.SetOp(new BatchNormOp([.. inputs], weightIndex, biasIndex, batchStatistics, mean, invStd));
        return y;
    }

    public override void Backward(Tensor output, ReadOnlySpan<float> outputGrad)
    {
        if (_mean is null || _invStd is null) throw new InvalidOperationException("BatchNorm backward after its saved statistics were released");
        Tensor x = Inputs[0];
        Tensor? weight = _weightIndex >= 0 ? Inputs[_weightIndex] : null, bias = _biasIndex >= 0 ? Inputs[_biasIndex] : null;
        bool accumulateDx = true;
        BatchNormKernels.Backward(
            x.Data, outputGrad, _mean, _invStd, weight is null ? [] : weight.Data, _batchStatistics,
            x.RequiresGrad ? x.GradForOverwrite(out accumulateDx) : [],
            weight is { RequiresGrad: true } ? weight.GradForAccumulation() : [],
            bias is { RequiresGrad: true } ? bias.GradForAccumulation() : [],
            accumulateDx);
    }

    public override void ReleaseSaved()
    {
        if (_mean is { } mean) BufferPool.Shared.Return(mean);
        if (_invStd is { } invStd) BufferPool.Shared.Return(invStd);
        (_mean, _invStd) = (null, null);
    }

    private static int Add(List<Tensor> inputs, Tensor? tensor)
    {
        if (tensor is null) return -1;
        inputs.Add(tensor);
        return inputs.Count - 1;
    }

    private static int Validate(Tensor x, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias)
    {
        if (x.Rank is not (2 or 3))
            throw new ArgumentException($"BatchNorm: expected an input of shape [B, C] or [B, T, C], got {x.Shape}");
        int channels = x.Shape[-1];
        if ((runningMean is null) != (runningVar is null))
            throw new ArgumentException("BatchNorm: give both running mean and running variance, or neither");
        foreach (var (name, tensor) in new[] { ("running mean", runningMean), ("running variance", runningVar), ("weight", weight), ("bias", bias) })
        {
            if (tensor is not null && (tensor.Rank != 1 || tensor.Shape[0] != channels))
                throw new ArgumentException($"BatchNorm: {name} of shape {tensor.Shape} does not match the {channels} channels of input {x.Shape}");
        }
        return channels;
    }
}
