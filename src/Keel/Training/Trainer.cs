using System.Diagnostics;
using Keel.Data;
using Keel.Diagnostics;
using Keel.Kernels.Threading;
using Keel.Nn;
using Keel.Optim;
using Keel.Stability;
using Keel.Tensors;

namespace Keel.Training;

/// <summary>
/// Trains a model: the step of <see cref="TrainStep"/>, repeated, with evaluation on a validation
/// split every <see cref="EvaluateEvery"/> steps (eval mode, no grad) and callbacks after each.
/// </summary>
/// <example><code>
/// var trainer = new Trainer(model, new Sgd(model.Parameters(), learningRate: 0.1f), Losses.CrossEntropy)
/// {
///     Schedule = Schedules.PiecewiseConstant([100_000], [0.1f, 0.01f]),
///     Callbacks = { new EarlyStopping("val_loss", patience: 5, restoreBestWeights: true) },
/// };
/// var history = trainer.Fit(split.Train, split.Validation, steps: 200_000, batchSize: 32);
/// </code></example>
public sealed partial class Trainer
{
    private readonly Func<Tensor, Tensor, Tensor> _loss;
    private Parameter[]? _parameters;
    private double _lossSinceReport, _lossSinceEvaluation, _penaltySinceEvaluation;
    private int _stepsSinceReport, _stepsSinceEvaluation;

    /// <summary>A trainer for <paramref name="model"/> minimizing <paramref name="loss"/>(output, targets).</summary>
    public Trainer(Module model, IOptimizer optimizer, Func<Tensor, Tensor, Tensor> loss)
    {
        Model = model;
        Optimizer = optimizer;
        _loss = loss;
    }

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>The optimizer that updates the model's parameters.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>The learning rate as a function of the step; sets the optimizer's rate before each update.</summary>
    public ISchedule? Schedule { get; init; }

    /// <summary>Gradient clipping applied after backward and before the optimizer step.</summary>
    public GradientClipping? Clipping { get; init; }

    /// <summary>Weight constraints applied to their parameters after every optimizer step.</summary>
    public List<ConstraintBinding> Constraints { get; } = [];

    /// <summary>Penalties added to the data loss (and reported apart from it as <c>penalty</c>).</summary>
    public List<PenaltyBinding> Penalties { get; } = [];

    /// <summary>
    /// Checks loss and gradients before each update and skips, rolls back or stops on non-finite
    /// values or gradient-norm spikes. Without a guard a non-finite loss stops training, never silently.
    /// </summary>
    public NonFiniteGuard? Guard { get; init; }

    /// <summary>Records layer, gradient and update statistics every <see cref="Probe.Every"/> steps; null (the default) records nothing.</summary>
    public Probe? Probe { get; init; }

    /// <summary>Callbacks run after each evaluation and at the start and end of a fit.</summary>
    public List<ITrainingCallback> Callbacks { get; } = [];

    /// <summary>Evaluate on the validation split every this many steps (and after the last step). 0: only at the end.</summary>
    public long EvaluateEvery { get; init; } = 1000;

    /// <summary>Batch size for evaluation (larger is faster; it does not change the result beyond rounding).</summary>
    public int EvaluationBatchSize { get; init; } = 4096;

    /// <summary>Kernel threads used while fitting (results are identical for any count).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Receives a report every <see cref="ProgressEvery"/> steps; the library never writes to a console.</summary>
    public IProgress<TrainingProgress>? Progress { get; set; }

    /// <summary>Steps between progress reports.</summary>
    public long ProgressEvery { get; init; } = 200;

    /// <summary>A factor on the schedule's value that callbacks such as reduce-on-plateau lower (1 by default).</summary>
    public float LearningRateScale { get; set; } = 1f;

    /// <summary>Seed of the generator that draws the batches.</summary>
    public ulong Seed { get; init; }

    /// <summary>Optimizer steps taken so far (kept across fits and restored from checkpoints).</summary>
    public long Step { get; private set; }

    /// <summary>Every evaluation row so far.</summary>
    public TrainingHistory History { get; private set; } = new();

    /// <summary>The loss function.</summary>
    public Func<Tensor, Tensor, Tensor> Loss => _loss;

    /// <summary>
    /// Trains for <paramref name="steps"/> more steps on random minibatches drawn with replacement
    /// (makemore's <c>torch.randint(0, N, (batchSize,))</c>), evaluating on <paramref name="validation"/>.
    /// </summary>
    public TrainingHistory Fit(Dataset train, Dataset? validation, long steps, int batchSize)
        => Fit(new RandomBatches(train, batchSize, new Generator(Seed)), validation, steps);

    /// <summary>Trains for <paramref name="epochs"/> passes over <paramref name="train"/> in shuffled order.</summary>
    public TrainingHistory FitEpochs(Dataset train, Dataset? validation, int epochs, int batchSize)
    {
        var batches = new EpochBatches(train, batchSize, new Generator(Seed));
        return Fit(batches, validation, (long)epochs * batches.BatchesPerEpoch);
    }

    /// <summary>Trains for <paramref name="steps"/> more steps on batches from <paramref name="batches"/>.</summary>
    public TrainingHistory Fit(IBatchSource batches, Dataset? validation, long steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        using var threads = KernelThreads.Use(Threads);
        AttachBatches(batches);
        var context = new TrainingContext(this);
        History.StopReason = null;
        long end = Step + steps;
        var clock = Stopwatch.StartNew();
        long startStep = Step;
        Model.Train();
        foreach (var callback in Callbacks) callback.OnTrainBegin(context);

        while (Step < end && History.StopReason is null)
        {
            TrainStep(batches.Next());
            bool last = Step == end;
            if (last || (EvaluateEvery > 0 && Step % EvaluateEvery == 0)) Evaluate(validation, context);
            foreach (var callback in Callbacks) callback.OnStepEnd(context);
            if (Progress is not null && (last || Step % ProgressEvery == 0)) ReportProgress(end, startStep, clock);
        }
        if (History.StopReason is not null && _stepsSinceEvaluation > 0) Evaluate(validation, context);
        foreach (var callback in Callbacks) callback.OnTrainEnd(context);
        return History;
    }

    /// <summary>
    /// One training step, in this order: learning rate from the schedule → forward → loss
    /// (+ penalties) → backward → non-finite guard → clipping → optimizer step → constraints →
    /// probe (on the steps it is due: it watches forward, reads gradients before clipping and
    /// measures the update after the constraints).
    /// Returns the data loss. A step the guard or clipping rejects leaves parameters and optimizer
    /// state untouched but still counts towards the budget.
    /// </summary>
    public float TrainStep(Batch batch)
    {
        if (Schedule is not null) Optimizer.LearningRate = Schedule.ValueAt(Step) * LearningRateScale * (Guard?.LearningRateScale ?? 1f);

        var probe = Probe is { } p && p.IsDue(Step) ? p : null;
        var output = probe is null ? Model.Forward(batch.Features) : probe.Forward(Model, batch.Features);
        var loss = _loss(output, batch.Targets);
        float dataLoss = loss.Item(), penalty = 0f;
        if (Penalties.Count > 0)
        {
            var penaltyLoss = Stability.Penalties.Total(Penalties);
            penalty = penaltyLoss.Item();
            loss += penaltyLoss;
        }

        Optimizer.ZeroGrad();
        loss.Backward();
        probe?.AfterBackward(Model);
        bool applied = StepIsSafe(dataLoss + penalty);
        if (applied)
        {
            Optimizer.Step();
            foreach (var constraint in Constraints) constraint.Apply();
        }
        loss.Dispose();
        probe?.Complete(Step, dataLoss, Optimizer.LearningRate, applied);

        Step++;
        Record(dataLoss, penalty);
        return dataLoss;
    }

    /// <summary>The guard's verdict, then clipping's; without a guard a non-finite loss stops training.</summary>
    private bool StepIsSafe(float loss)
    {
        if (Guard is not null && !Guard.Check(loss)) return false;
        if (Guard is null && !float.IsFinite(loss))
        {
            History.StopReason ??= $"the loss became {loss} at step {Step + 1}; no guard was set, so training stopped (set a NonFiniteGuard to skip such steps)";
            return false;
        }
        if (Clipping is null) return true;
        var result = Clipping.Clip(_parameters ??= [.. Optimizer.Groups.SelectMany(g => g.Parameters)]);
        LastGradientNorm = result.Norm;
        return !result.SkipStep;
    }

    /// <summary>The total gradient norm that clipping measured at the last step (before clipping), or NaN without clipping.</summary>
    public float LastGradientNorm { get; private set; } = float.NaN;

    /// <summary>Evaluates the model on <paramref name="data"/> in eval mode under no-grad.</summary>
    public EvaluationResult Evaluate(Dataset data) => Evaluation.Run(Model, _loss, data, EvaluationBatchSize);

    private void Record(float dataLoss, float penalty)
    {
        _lossSinceReport += dataLoss;
        _lossSinceEvaluation += dataLoss;
        _penaltySinceEvaluation += penalty;
        _stepsSinceReport++;
        _stepsSinceEvaluation++;
    }

    private void Evaluate(Dataset? validation, TrainingContext context)
    {
        var metrics = new Dictionary<string, float>
        {
            ["loss"] = (float)(_lossSinceEvaluation / Math.Max(1, _stepsSinceEvaluation)),
            ["lr"] = Optimizer.LearningRate,
        };
        if (_penaltySinceEvaluation != 0) metrics["penalty"] = (float)(_penaltySinceEvaluation / Math.Max(1, _stepsSinceEvaluation));
        if (validation is not null)
        {
            var result = Evaluate(validation);
            metrics["val_loss"] = result.Loss;
            if (result.Accuracy is { } accuracy) metrics["val_accuracy"] = accuracy;
        }
        _lossSinceEvaluation = _penaltySinceEvaluation = 0;
        _stepsSinceEvaluation = 0;
        var row = new HistoryRow(Step, metrics);
        History.Add(row);
        Probe?.RecordEvaluation(Step, metrics);
        foreach (var callback in Callbacks) callback.OnEvaluation(context, row);
    }

    private void ReportProgress(long end, long startStep, Stopwatch clock)
    {
        var elapsed = clock.Elapsed;
        float loss = (float)(_lossSinceReport / Math.Max(1, _stepsSinceReport));
        _lossSinceReport = 0;
        _stepsSinceReport = 0;
        double rate = elapsed.TotalSeconds > 0 ? (Step - startStep) / elapsed.TotalSeconds : 0;
        Progress?.Report(new TrainingProgress(Step, end, loss, History.Last("val_loss"), Optimizer.LearningRate, rate, elapsed));
    }
}
