using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Batch normalization (Ioffe and Szegedy, 2015) of <c>[B, C]</c> or <c>[B, T, C]</c> inputs over
/// every axis but the last, with PyTorch's semantics by default (<see cref="BatchNormOp"/>).
/// </summary>
/// <remarks>
/// <para>Training: normalize with the batch mean and biased variance; update
/// <c>running = (1 − momentum)·running + momentum·batch</c> with the unbiased variance
/// (n/(n − 1)); momentum 0.1, eps 1e-5, γ = 1 and β = 0 at the start (PyTorch and Keras), so a
/// new layer is a plain standardization and learns how far to depart from it. Running statistics
/// start at mean 0 and variance 1. Evaluation:
/// normalize with the running statistics. State-dict names: <c>weight</c> (γ), <c>bias</c> (β),
/// <c>running_mean</c>, <c>running_var</c>; PyTorch also saves <c>num_batches_tracked</c>, which
/// only matters for its cumulative-average mode (momentum None) and is not kept here.</para>
/// <para>Keras counts momentum the other way round (moving = 0.99·moving + 0.01·batch) and updates
/// the moving variance with the biased variance, with eps 1e-3: pass <c>kerasMomentum: 0.99f</c>,
/// <c>unbiasedRunningVar: false</c> and <c>eps: 1e-3f</c> for Keras' behaviour.</para>
/// <para>Unlike PyTorch's BatchNorm1d, which takes <c>[N, C, L]</c>, the channels are the last axis,
/// as after a Linear layer, so <c>[B, T, C]</c> reduces over B and T.</para>
/// <para>A training batch with one value per channel (<c>[1, C]</c>) is refused with a message
/// naming the layer and the shape, as PyTorch refuses it ("expected more than 1 value per channel
/// when training"): its variance is zero and the unbiased variance undefined, which would otherwise
/// silently give zeros or NaN. Evaluate single samples in <see cref="Module.Eval"/> mode.</para>
/// </remarks>
public sealed class BatchNorm1d : Module
{
    private int? _cumulativeBatches;

    /// <summary>A batch-norm layer over <paramref name="numFeatures"/> channels.</summary>
    /// <param name="numFeatures">C, the size of the input's last axis.</param>
    /// <param name="eps">Added to the variance (PyTorch 1e-5, Keras 1e-3).</param>
    /// <param name="momentum">PyTorch's momentum: the weight of the new batch statistic (0.1).</param>
    /// <param name="affine">Learn γ and β.</param>
    /// <param name="trackRunningStats">Keep running statistics; without them evaluation uses batch statistics too.</param>
    /// <param name="kerasMomentum">Keras' momentum (e.g. 0.99), the weight of the OLD value; overrides <paramref name="momentum"/> with 1 − kerasMomentum.</param>
    /// <param name="unbiasedRunningVar">Feed the unbiased batch variance into the running variance (PyTorch) or the biased one (Keras).</param>
    /// <param name="weightInit">Initializer of γ (default ones; Keras' <c>gamma_initializer</c>).</param>
    /// <param name="biasInit">Initializer of β (default zeros; Keras' <c>beta_initializer</c>).</param>
    /// <param name="generator">Randomness for a random γ or β initializer; default <c>new Generator(Initializers.DefaultSeed)</c>.</param>
    public BatchNorm1d(
        int numFeatures, float eps = 1e-5f, float momentum = 0.1f, bool affine = true, bool trackRunningStats = true,
        float? kerasMomentum = null, bool unbiasedRunningVar = true,
        IInitializer? weightInit = null, IInitializer? biasInit = null, Generator? generator = null)
    {
        if (numFeatures <= 0) throw new ArgumentException($"BatchNorm1d: numFeatures must be positive, got {numFeatures}", nameof(numFeatures));
        if (!(eps > 0f)) throw new ArgumentException($"BatchNorm1d: eps must be positive, got {eps}", nameof(eps));
        if (kerasMomentum is { } keras) momentum = 1f - keras;
        if (!(momentum >= 0f && momentum <= 1f))
            throw new ArgumentException($"BatchNorm1d: momentum must be in [0, 1], got {momentum}" + (kerasMomentum is null ? "" : $" (from kerasMomentum {kerasMomentum})"), nameof(momentum));
        (NumFeatures, Eps, Momentum, UnbiasedRunningVar) = (numFeatures, eps, momentum, unbiasedRunningVar);
        if (affine)
        {
            (Weight, Bias) = NormalizationParameters.Register(RegisterParameter, [numFeatures], weightInit, biasInit, generator);
        }
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Tensor.Zeros([numFeatures]));
            RunningVar = RegisterBuffer("running_var", Tensor.Ones([numFeatures]));
        }
    }

    /// <summary>Number of channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance.</summary>
    public float Eps { get; }

    /// <summary>Weight of the batch statistic in the running average (PyTorch's convention).</summary>
    public float Momentum { get; }

    /// <summary>Whether the running variance gets the unbiased batch variance.</summary>
    public bool UnbiasedRunningVar { get; }

    /// <summary>γ, <c>[C]</c>, or null without affine.</summary>
    public Parameter? Weight { get; }

    /// <summary>β, <c>[C]</c>, or null without affine.</summary>
    public Parameter? Bias { get; }

    /// <summary>Running mean (buffer <c>running_mean</c>), or null.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running variance (buffer <c>running_var</c>), or null.</summary>
    public Tensor? RunningVar { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        if (input.Rank is not (2 or 3) || input.Shape[-1] != NumFeatures)
            throw new ArgumentException($"{LayerName}: expected an input of shape [B, {NumFeatures}] or [B, T, {NumFeatures}], got {input.Shape}");
        bool batchStatistics = IsTraining || RunningMean is null;
        if (batchStatistics && input.Size / NumFeatures <= 1)
            throw new ArgumentException(
                $"{LayerName}: expected more than 1 value per channel when training, got input of shape {input.Shape}; " +
                "use a batch of two or more, or call Eval() to normalize with the running statistics");
        float momentum = Momentum;
        if (IsTraining && _cumulativeBatches is { } seen)
        {
            _cumulativeBatches = seen + 1;
            momentum = 1f / (seen + 1);
        }
        return input.BatchNorm(RunningMean, RunningVar, Weight, Bias, IsTraining, momentum, Eps, UnbiasedRunningVar);
    }

    /// <summary>Resets the running statistics to mean 0 and variance 1, before recalibrating them on training batches.</summary>
    public void ResetRunningStats()
    {
        RunningMean?.Data.Fill(0f);
        RunningVar?.Data.Fill(1f);
    }

    /// <summary>
    /// Until <see cref="EndCumulativeAverage"/>, training batches update the running statistics
    /// with momentum 1/k for the k-th batch, so they become the plain average over the batches
    /// (PyTorch's <c>momentum=None</c>). Used by <see cref="BatchNormRecalibration"/>.
    /// </summary>
    internal void BeginCumulativeAverage() => _cumulativeBatches = 0;

    /// <summary>Returns to the exponential moving average with <see cref="Momentum"/>.</summary>
    internal void EndCumulativeAverage() => _cumulativeBatches = null;

    /// <inheritdoc />
    public override string ToString() => $"BatchNorm1d({NumFeatures})";
}
