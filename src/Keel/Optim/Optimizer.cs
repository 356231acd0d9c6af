using Keel.Tensors;

namespace Keel.Optim;

/// <summary>
/// What every optimizer shares: parameter groups, per-parameter slots allocated on the first
/// step, step counts, and the state as plain data. A subclass supplies only its update rule.
/// </summary>
/// <remarks>
/// Parameters whose <see cref="Tensor.Grad"/> is null are skipped, as in PyTorch. After the first
/// step of every parameter, <see cref="Step"/> allocates nothing.
/// </remarks>
public abstract class Optimizer : IOptimizer
{
    private readonly ParameterGroup[] _groups;
    private readonly Entry[] _entries;
    private readonly string[] _slotNames;
    private float _learningRate;

    /// <summary>Sets up groups and slots.</summary>
    /// <param name="groups">The parameter groups; unset rates and decays take the defaults.</param>
    /// <param name="learningRate">The default (and base) learning rate.</param>
    /// <param name="weightDecay">The default weight decay.</param>
    /// <param name="slotNames">PyTorch's names of the per-parameter slots this optimizer keeps.</param>
    private protected Optimizer(IEnumerable<ParameterGroup> groups, float learningRate, float weightDecay, string[] slotNames)
    {
        ArgumentNullException.ThrowIfNull(groups);
        OptimizerChecks.NonNegative(learningRate, "learning rate");
        OptimizerChecks.NonNegative(weightDecay, "weight decay");
        _groups = [.. groups];
        _learningRate = learningRate;
        _slotNames = slotNames;
        var entries = new List<Entry>();
        var seen = new HashSet<Parameter>(ReferenceEqualityComparer.Instance);
        var keys = new HashSet<string>();
        foreach (var group in _groups)
        {
            group.ApplyDefaults(learningRate, weightDecay);
            foreach (var parameter in group.Parameters)
            {
                if (!seen.Add(parameter))
                    throw new ArgumentException($"{Kind}: parameter {parameter.Name ?? "(unnamed)"} appears in more than one group", nameof(groups));
                string key = parameter.Name ?? $"params.{entries.Count}";
                if (!keys.Add(key)) throw new ArgumentException($"{Kind}: two parameters share the name {key}", nameof(groups));
                entries.Add(new Entry(group, parameter, key));
            }
        }
        if (entries.Count == 0) throw new ArgumentException($"{Kind} got an empty parameter list", nameof(groups));
        _entries = [.. entries];
    }

    /// <summary>The optimizer's name in state and messages (the class name).</summary>
    public string Kind => GetType().Name;

    /// <inheritdoc />
    public IReadOnlyList<ParameterGroup> Groups => _groups;

    /// <inheritdoc />
    public float LearningRate
    {
        get => _learningRate;
        set
        {
            OptimizerChecks.NonNegative(value, "learning rate");
            _learningRate = value;
            foreach (var group in _groups) group.LearningRate = value * group.LearningRateRatio;
        }
    }

    /// <inheritdoc />
    public void Step()
    {
        for (int i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[i];
            if (entry.Parameter.Grad is not { } grad) continue;
            entry.Slots ??= AllocateSlots(entry.Parameter.Size);
            entry.Steps++;
            Update(entry.Group, entry.Parameter.Data, grad.Data, entry.Slots, entry.Steps);
        }
    }

    /// <inheritdoc />
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var entry in _entries) entry.Parameter.ZeroGrad(setToNone);
    }

    /// <inheritdoc />
    public OptimizerState GetState()
    {
        var state = new OptimizerState { Kind = Kind };
        state.Scalars["lr"] = _learningRate;
        for (int g = 0; g < _groups.Length; g++)
        {
            state.Scalars[$"param_groups.{g}.lr"] = _groups[g].LearningRate;
            state.Scalars[$"param_groups.{g}.weight_decay"] = _groups[g].WeightDecay;
        }
        foreach (var entry in _entries)
        {
            if (entry.Slots is null) continue;
            state.Scalars[$"{entry.Key}.step"] = entry.Steps;
            for (int s = 0; s < _slotNames.Length; s++) state.Slots[$"{entry.Key}.{_slotNames[s]}"] = (float[])entry.Slots[s].Clone();
        }
        return state;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The state is another optimizer's, or a key is missing or has the wrong length.</exception>
    public void LoadState(OptimizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Kind != Kind) throw new ArgumentException($"cannot load {state.Kind} state into {Kind}", nameof(state));
        // Validate everything before changing anything, so that a bad state leaves this optimizer as it was.
        _ = Scalar(state, "lr");
        for (int g = 0; g < _groups.Length; g++)
        {
            _ = Scalar(state, $"param_groups.{g}.lr");
            _ = Scalar(state, $"param_groups.{g}.weight_decay");
        }
        foreach (var entry in _entries)
        {
            if (!state.Scalars.ContainsKey($"{entry.Key}.step")) continue;
            foreach (var slot in _slotNames) _ = SlotArray(state, $"{entry.Key}.{slot}", entry.Parameter.Size);
        }

        _learningRate = (float)Scalar(state, "lr");
        for (int g = 0; g < _groups.Length; g++)
        {
            _groups[g].LearningRate = (float)Scalar(state, $"param_groups.{g}.lr");
            _groups[g].WeightDecay = (float)Scalar(state, $"param_groups.{g}.weight_decay");
        }
        foreach (var entry in _entries)
        {
            if (!state.Scalars.TryGetValue($"{entry.Key}.step", out double steps))
            {
                entry.Slots = null;
                entry.Steps = 0;
                continue;
            }
            entry.Slots ??= AllocateSlots(entry.Parameter.Size);
            entry.Steps = (long)steps;
            for (int s = 0; s < _slotNames.Length; s++) SlotArray(state, $"{entry.Key}.{_slotNames[s]}", entry.Parameter.Size).CopyTo(entry.Slots[s], 0);
        }
    }

    /// <summary>
    /// Applies the update rule to one parameter.
    /// </summary>
    /// <param name="group">The parameter's group (rate, decay).</param>
    /// <param name="parameter">The values, updated in place.</param>
    /// <param name="gradient">The gradient.</param>
    /// <param name="slots">The slots, in the order of the names given at construction; zero before the first step.</param>
    /// <param name="step">This parameter's step count, 1 on its first update.</param>
    private protected abstract void Update(ParameterGroup group, Span<float> parameter, ReadOnlySpan<float> gradient, float[][] slots, long step);

    private float[][] AllocateSlots(int size)
    {
        var slots = new float[_slotNames.Length][];
        for (int s = 0; s < slots.Length; s++) slots[s] = new float[size];
        return slots;
    }

    private double Scalar(OptimizerState state, string key)
        => state.Scalars.TryGetValue(key, out double value) ? value : throw new ArgumentException($"{Kind} state lacks the scalar {key}", nameof(state));

    private float[] SlotArray(OptimizerState state, string key, int size)
    {
        if (!state.Slots.TryGetValue(key, out var values)) throw new ArgumentException($"{Kind} state lacks the slot {key}", nameof(state));
        if (values.Length != size) throw new ArgumentException($"{Kind} state slot {key} has {values.Length} values; the parameter has {size}", nameof(state));
        return values;
    }

    private sealed class Entry(ParameterGroup group, Parameter parameter, string key)
    {
        public ParameterGroup Group { get; } = group;
        public Parameter Parameter { get; } = parameter;
        public string Key { get; } = key;
        public float[][]? Slots { get; set; }
        public long Steps { get; set; }
    }
}
