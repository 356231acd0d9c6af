using Keel.Optim;
using Keel.Serialization;
using Keel.Tensors;

namespace Keel.Training.Checkpoints;

/// <summary>
/// A trainer's complete state in one safetensors file, so that a resumed run continues bit for bit.
/// </summary>
/// <remarks>
/// Tensors: <c>model.{name}</c> for each entry of the model's state dict (parameters and buffers),
/// <c>optimizer.{slot}</c> for each optimizer slot, <c>{component}.{key}</c> for arrays of other
/// components. Metadata: <c>format</c> = <c>keel-checkpoint/1</c>, <c>optimizer.kind</c>,
/// <c>optimizer.scalar.{key}</c>, and <c>{component}.{key}</c> for the trainer (step, history,
/// batcher and random-number state) and every <see cref="ICheckpointable"/> callback. Written
/// atomically: a crash leaves the previous file whole.
/// </remarks>
public static class Checkpoint
{
    /// <summary>The format tag written into every checkpoint.</summary>
    public const string Format = "keel-checkpoint/1";

    /// <summary>Writes the trainer's state to <paramref name="path"/>, atomically.</summary>
    public static void Save(string path, Trainer trainer)
    {
        var tensors = new Dictionary<string, Tensor>();
        var metadata = new Dictionary<string, string> { ["format"] = Format };
        foreach (var (name, tensor) in trainer.Model.StateDict()) tensors[$"model.{name}"] = tensor;

        var optimizer = trainer.Optimizer.GetState();
        metadata["optimizer.kind"] = optimizer.Kind;
        foreach (var (key, values) in optimizer.Slots) tensors[$"optimizer.{key}"] = Tensor.FromArray(values);
        foreach (var (key, value) in optimizer.Scalars) metadata[$"optimizer.scalar.{key}"] = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var component in trainer.CheckpointComponents())
        {
            var state = new CheckpointState();
            component.SaveState(state);
            foreach (var (key, value) in state.Values) metadata[$"{component.CheckpointKey}.{key}"] = value;
            foreach (var (key, tensor) in state.Tensors) tensors[$"{component.CheckpointKey}.{key}"] = tensor;
        }
        SafeTensorsFile.Write(path, tensors, metadata);
    }

    /// <summary>Restores a state written by <see cref="Save"/> into a trainer built from the same configuration.</summary>
    /// <exception cref="InvalidDataException">The file is not a Keel checkpoint or does not fit the trainer; the message names the file.</exception>
    public static void Load(string path, Trainer trainer)
    {
        var content = SafeTensorsFile.Read(path);
        if (content.Metadata.GetValueOrDefault("format") != Format)
            throw new InvalidDataException($"{path}: not a Keel checkpoint (its metadata has no format '{Format}')");
        try
        {
            var model = Prefixed(content.Tensors, "model.");
            trainer.Model.LoadStateDict(model);

            var optimizer = new OptimizerState { Kind = content.Metadata.GetValueOrDefault("optimizer.kind") ?? "" };
            foreach (var (key, tensor) in Prefixed(content.Tensors, "optimizer.")) optimizer.Slots[key] = tensor.ToArray();
            foreach (var (key, value) in Prefixed(content.Metadata, "optimizer.scalar."))
                optimizer.Scalars[key] = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            trainer.Optimizer.LoadState(optimizer);

            foreach (var component in trainer.CheckpointComponents())
            {
                var state = new CheckpointState();
                foreach (var (key, value) in Prefixed(content.Metadata, component.CheckpointKey + ".")) state.Values[key] = value;
                foreach (var (key, tensor) in Prefixed(content.Tensors, component.CheckpointKey + ".")) state.Tensors[key] = tensor;
                component.LoadState(state);
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or InvalidDataException or FormatException)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private static Dictionary<string, T> Prefixed<T>(IReadOnlyDictionary<string, T> entries, string prefix)
        => entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(e => e.Key[prefix.Length..], e => e.Value);
}
