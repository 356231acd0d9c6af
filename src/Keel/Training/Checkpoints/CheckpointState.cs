using System.Globalization;
using Keel.Tensors;

namespace Keel.Training.Checkpoints;

/// <summary>
/// What one component (the trainer, a callback, the batcher) saves into a checkpoint: string
/// values and float arrays under keys of its own. Floats and doubles are written with round-trip
/// formatting and ulongs in full, so a resumed run continues bit for bit.
/// </summary>
public sealed class CheckpointState
{
    /// <summary>Text values (numbers formatted invariantly).</summary>
    public Dictionary<string, string> Values { get; } = [];

    /// <summary>Arrays, stored as float32 tensors.</summary>
    public Dictionary<string, Tensor> Tensors { get; } = [];

    /// <summary>Sets a text value.</summary>
    public void Set(string key, string value) => Values[key] = value;

    /// <summary>Sets a number, exactly.</summary>
    public void Set(string key, double value) => Values[key] = value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Sets a whole number, exactly.</summary>
    public void Set(string key, long value) => Values[key] = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sets an unsigned whole number, exactly.</summary>
    public void Set(string key, ulong value) => Values[key] = value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A text value.</summary>
    /// <exception cref="InvalidDataException">The checkpoint lacks the key.</exception>
    public string Get(string key) => Values.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"the checkpoint has no value '{key}'");

    /// <summary>A text value, or null when absent.</summary>
    public string? GetOrNull(string key) => Values.GetValueOrDefault(key);

    /// <summary>A number.</summary>
    public double GetDouble(string key) => Parse(key, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>A whole number.</summary>
    public long GetLong(string key) => Parse(key, s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>An unsigned whole number.</summary>
    public ulong GetULong(string key) => Parse(key, s => ulong.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>An array.</summary>
    public Tensor GetTensor(string key) => Tensors.TryGetValue(key, out var tensor) ? tensor : throw new InvalidDataException($"the checkpoint has no tensor '{key}'");

    /// <summary>Saves a generator's state under <paramref name="key"/>.</summary>
    public void SetGenerator(string key, GeneratorState state)
    {
        Set($"{key}.s0", state.S0);
        Set($"{key}.s1", state.S1);
        Set($"{key}.s2", state.S2);
        Set($"{key}.s3", state.S3);
        if (state.SpareNormal is { } spare) Set($"{key}.spare", spare);
    }

    /// <summary>A generator's state saved by <see cref="SetGenerator"/>.</summary>
    public GeneratorState GetGenerator(string key)
        => new(GetULong($"{key}.s0"), GetULong($"{key}.s1"), GetULong($"{key}.s2"), GetULong($"{key}.s3"),
            GetOrNull($"{key}.spare") is null ? null : (float)GetDouble($"{key}.spare"));

    private T Parse<T>(string key, Func<string, T> parse)
    {
        var text = Get(key);
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"the checkpoint's value '{key}' is '{text}', not a number");
        }
    }
}

/// <summary>A trainer component whose state a checkpoint carries (callbacks, the guard, the batcher).</summary>
public interface ICheckpointable
{
    /// <summary>The key prefix of this component's entries (unique within a trainer).</summary>
    string CheckpointKey { get; }

    /// <summary>Writes the component's state.</summary>
    void SaveState(CheckpointState state);

    /// <summary>Restores the component's state.</summary>
    void LoadState(CheckpointState state);
}
