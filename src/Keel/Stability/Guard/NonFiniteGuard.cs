using Keel.Kernels.Optim;
using Keel.Optim;
using Keel.Tensors;

namespace Keel.Stability;

/// <summary>
/// A transactional step: checks the loss and the gradients before the update, and on a NaN, an
/// infinity or a gradient-norm spike tells the caller to skip the update, so that parameters and
/// optimizer state stay as they were.
/// </summary>
/// <remarks>
/// <code>
/// if (guard.Check(loss.Item())) { clipping.Clip(parameters); optimizer.Step(); constraints.Apply(); }
/// </code>
/// On a bad step the guard counts it, optionally multiplies the learning rate by
/// <c>learningRateFactor</c> (kept in <see cref="LearningRateScale"/> for a trainer that sets the
/// rate from a schedule), optionally rolls parameters and optimizer state back to the last checked
/// state (the one before the last applied update, whose loss and gradients were finite), and after
/// <c>maxConsecutive</c> bad steps in a row throws a <see cref="NonFiniteException"/> naming the first
/// parameter whose gradient went non-finite. A spike is a total gradient 2-norm above
/// <c>spikeFactor</c> times the median of the last <c>spikeWindow</c> good steps (off when 0;
/// judged once <c>spikeMinHistory</c> good steps are recorded). Gradients are left as they are:
/// the next step zeroes them. Neither PyTorch nor Keras has it (Keras' <c>TerminateOnNaN</c>
/// only stops). Checking allocates nothing; rollback copies the state at every good step.
/// </remarks>
public sealed class NonFiniteGuard
{
    private readonly IOptimizer _optimizer;
    private readonly Parameter[] _parameters;
    private readonly float[] _history, _sorted;
    private int _historyCount, _historyNext;
    private float[][]? _savedParameters;
    private OptimizerState? _savedState;
    private string? _firstNonFinite;
    private long _firstBadCheck;

    /// <summary>A guard over the optimizer's parameters.</summary>
    public NonFiniteGuard(
        IOptimizer optimizer, int maxConsecutive = 10, float learningRateFactor = 1f, bool rollback = false,
        float spikeFactor = 0f, int spikeWindow = 100, int spikeMinHistory = 10)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (maxConsecutive < 1) throw new ArgumentOutOfRangeException(nameof(maxConsecutive), maxConsecutive, $"maxConsecutive must be ≥ 1, got {maxConsecutive}");
        if (!(learningRateFactor > 0f && learningRateFactor <= 1f))
            throw new ArgumentOutOfRangeException(nameof(learningRateFactor), learningRateFactor, $"learningRateFactor must be in (0, 1], got {learningRateFactor}");
        if (!(spikeFactor == 0f || spikeFactor > 1f)) throw new ArgumentOutOfRangeException(nameof(spikeFactor), spikeFactor, $"spikeFactor must be 0 (off) or above 1, got {spikeFactor}");
        if (spikeWindow < 1 || spikeMinHistory < 1 || spikeMinHistory > spikeWindow)
            throw new ArgumentOutOfRangeException(nameof(spikeWindow), $"need 1 ≤ spikeMinHistory ({spikeMinHistory}) ≤ spikeWindow ({spikeWindow})");
        _optimizer = optimizer;
        _parameters = [.. optimizer.Groups.SelectMany(group => group.Parameters)];
        (MaxConsecutive, LearningRateFactor, Rollback, SpikeFactor, SpikeMinHistory) = (maxConsecutive, learningRateFactor, rollback, spikeFactor, spikeMinHistory);
        _history = new float[spikeWindow];
        _sorted = new float[spikeWindow];
    }

    /// <summary>K: bad steps in a row that stop training.</summary>
    public int MaxConsecutive { get; }

    /// <summary>The factor applied to the learning rate on each bad step (1: unchanged).</summary>
    public float LearningRateFactor { get; }

    /// <summary>Whether bad steps roll back to the last checked state.</summary>
    public bool Rollback { get; }

    /// <summary>The multiple of the median gradient norm that counts as a spike (0: off).</summary>
    public float SpikeFactor { get; }

    /// <summary>Good steps recorded before spikes are judged.</summary>
    public int SpikeMinHistory { get; }

    /// <summary>Steps checked so far.</summary>
    public long Checks { get; private set; }

    /// <summary>Bad steps so far (skipped updates).</summary>
    public long SkippedSteps { get; private set; }

    /// <summary>Bad steps in a row up to now.</summary>
    public int ConsecutiveBadSteps { get; private set; }

    /// <summary>The product of the factors applied to the learning rate so far.</summary>
    public float LearningRateScale { get; private set; } = 1f;

    /// <summary>Why the last bad step was bad, or null if none was.</summary>
    public string? LastReason { get; private set; }

    /// <summary>
    /// Checks <paramref name="loss"/> and every gradient; true when the update may run. On false,
    /// the caller must not step the optimizer.
    /// </summary>
    /// <exception cref="NonFiniteException">This is the <see cref="MaxConsecutive"/>-th bad step in a row.</exception>
    public bool Check(float loss)
    {
        Checks++;
        double sumOfSquares = 0;
        string? nonFinite = null;
        for (int i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].Grad is not { } grad) continue;
            double squares = NormKernels.SumOfSquares(grad.Data);
            if (!double.IsFinite(squares)) nonFinite ??= ParameterNames.Of(_parameters[i], i);
            sumOfSquares += squares;
        }
        float norm = (float)Math.Sqrt(sumOfSquares);
        string? reason = nonFinite is not null ? $"the gradient of {nonFinite} is not finite"
            : !float.IsFinite(loss) ? $"the loss is {loss}"
            : IsSpike(norm, out float median) ? $"the gradient norm {norm:G4} exceeds {SpikeFactor} × the recent median {median:G4}"
            : null;
        if (reason is null)
        {
            Accept(norm);
            return true;
        }
        Reject(reason, nonFinite);
        return false;
    }

    private void Accept(float norm)
    {
        ConsecutiveBadSteps = 0;
        _firstNonFinite = null;
        _history[_historyNext] = norm;
        _historyNext = (_historyNext + 1) % _history.Length;
        _historyCount = Math.Min(_historyCount + 1, _history.Length);
        if (Rollback) Save();
    }

    private void Reject(string reason, string? nonFinite)
    {
        SkippedSteps++;
        ConsecutiveBadSteps++;
        LastReason = reason;
        if (ConsecutiveBadSteps == 1) _firstBadCheck = Checks;
        _firstNonFinite ??= nonFinite;
        if (LearningRateFactor != 1f)
        {
            _optimizer.LearningRate *= LearningRateFactor;
            LearningRateScale *= LearningRateFactor;
        }
        if (Rollback) Restore();
        if (ConsecutiveBadSteps >= MaxConsecutive)
        {
            string where = _firstNonFinite is null ? "no gradient went non-finite" : $"the first non-finite gradient was {_firstNonFinite}'s";
            throw new NonFiniteException(
                $"training stopped after {ConsecutiveBadSteps} bad steps in a row (from step {_firstBadCheck}); {where}; last: {reason}",
                _firstNonFinite);
        }
    }

    private bool IsSpike(float norm, out float median)
    {
        median = 0f;
        if (SpikeFactor == 0f || _historyCount < SpikeMinHistory) return false;
        Array.Copy(_history, _sorted, _historyCount);
        Array.Sort(_sorted, 0, _historyCount);
        int middle = _historyCount / 2;
        median = _historyCount % 2 == 1 ? _sorted[middle] : 0.5f * (_sorted[middle - 1] + _sorted[middle]);
        return norm > SpikeFactor * median;
    }

    private void Save()
    {
        _savedParameters ??= [.. _parameters.Select(p => new float[p.Size])];
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].Data.CopyTo(_savedParameters[i]);
        _savedState = _optimizer.GetState();
    }

    private void Restore()
    {
        if (_savedParameters is null || _savedState is null) return;
        float learningRate = _optimizer.LearningRate;
        for (int i = 0; i < _parameters.Length; i++) _savedParameters[i].CopyTo(_parameters[i].Data);
        _optimizer.LoadState(_savedState);
        // The saved state holds the rate of that time; keep any reduction made since.
        _optimizer.LearningRate = learningRate;
    }
}
