using Keel.Nn;

namespace Keel.Training;

/// <summary>A copy of a model's parameters and buffers taken at one step (best weights, rollback).</summary>
public sealed class WeightsSnapshot
{
    private readonly Dictionary<string, float[]> _values;

    private WeightsSnapshot(Dictionary<string, float[]> values, long step)
    {
        _values = values;
        Step = step;
    }

    /// <summary>The copied values by tensor name.</summary>
    public IReadOnlyDictionary<string, float[]> Values => _values;

    /// <summary>A snapshot from saved values (a checkpoint).</summary>
    public static WeightsSnapshot FromValues(Dictionary<string, float[]> values, long step) => new(values, step);

    /// <summary>The step at which the copy was taken.</summary>
    public long Step { get; }

    /// <summary>Copies every tensor of the model's state dict.</summary>
    public static WeightsSnapshot Capture(Module model, long step)
        => new(model.StateDict().ToDictionary(p => p.Key, p => p.Value.ToArray()), step);

    /// <summary>Writes the copied values back into the model's tensors, in place.</summary>
    public void RestoreInto(Module model)
    {
        foreach (var (name, tensor) in model.StateDict())
        {
            if (!_values.TryGetValue(name, out var values))
                throw new InvalidOperationException($"the snapshot taken at step {Step} has no tensor '{name}'");
            values.CopyTo(tensor.Data);
        }
    }
}
