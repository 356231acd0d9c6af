using System.Text.Json;
using Keel.Serialization;
using Keel.Tensors;

namespace Keel.Data;

/// <summary>
/// Rescales each feature to zero mean and unit variance with statistics of the training split only,
/// like scikit-learn's <c>StandardScaler</c>: <c>x' = (x − μ) / σ</c>.
/// </summary>
/// <remarks>
/// μ and σ are computed per feature (each position of an example's features) in double precision;
/// σ is the population standard deviation <c>√(Σ(x − μ)² / N)</c> (numpy's default, <c>ddof = 0</c>),
/// and a feature with σ = 0 (constant on the training split) gets σ = 1, so it is only centred,
/// as scikit-learn does. Fitting on the training split alone keeps validation and test statistics
/// from leaking into training. Save it with the run to apply the same transform later.
/// </remarks>
public sealed class Standardizer
{
    private readonly float[] _mean;
    private readonly float[] _std;

    /// <summary>A standardizer with given per-feature means and standard deviations.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or a σ is not positive and finite.</exception>
    public Standardizer(float[] mean, float[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length != std.Length)
            throw new ArgumentException($"{mean.Length} means and {std.Length} standard deviations do not match");
        int bad = Array.FindIndex(std, s => !(s > 0 && float.IsFinite(s)));
        if (bad >= 0) throw new ArgumentException($"standard deviation of feature {bad} must be positive and finite, got {std[bad]}", nameof(std));
        _mean = [.. mean];
        _std = [.. std];
    }

    /// <summary>Per-feature means μ.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>Per-feature population standard deviations σ (1 where the feature was constant).</summary>
    public IReadOnlyList<float> Std => _std;

    /// <summary>Fits μ and σ on <paramref name="train"/>'s features.</summary>
    /// <exception cref="ArgumentException">The dataset is empty.</exception>
    public static Standardizer Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        int n = train.Count;
        if (n == 0) throw new ArgumentException("cannot fit a standardizer on an empty dataset", nameof(train));
        int width = train.ExampleShape.Size;
        var x = train.Features.Data;
        var sum = new double[width];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < width; j++) sum[j] += x[i * width + j];
        }
        var mean = sum.Select(s => s / n).ToArray();
        var squares = new double[width];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < width; j++)
            {
                double d = x[i * width + j] - mean[j];
                squares[j] += d * d;
            }
        }
        var std = squares.Select(s => Math.Sqrt(s / n)).Select(s => s > 0 ? (float)s : 1f).ToArray();
        return new Standardizer(mean.Select(m => (float)m).ToArray(), std);
    }

    /// <summary>A new dataset with standardized features and the same targets (shared, not copied).</summary>
    /// <exception cref="ArgumentException">The examples do not have as many features as this was fitted on.</exception>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int width = data.ExampleShape.Size;
        if (width != _mean.Length)
            throw new ArgumentException($"examples of shape {data.ExampleShape} have {width} features; this standardizer was fitted on {_mean.Length}");
        var result = Tensor.Pooled(data.Features.Shape, clear: false);
        var source = data.Features.Data;
        var target = result.Data;
        for (int i = 0; i < source.Length; i++)
        {
            int j = i % width;
            target[i] = (source[i] - _mean[j]) / _std[j];
        }
        return new Dataset(result, data.Targets);
    }

    /// <summary>Each part of <paramref name="split"/> transformed with this standardizer.</summary>
    public DatasetSplit Transform(DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return new DatasetSplit(Transform(split.Train), Transform(split.Validation), Transform(split.Test));
    }

    /// <summary>Writes <c>{"mean": [...], "std": [...]}</c> to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new StandardizerFile(_mean, _std)));

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not such a JSON document.</exception>
    public static Standardizer Load(string path)
    {
        StandardizerFile? file;
        try
        {
            file = JsonSerializer.Deserialize<StandardizerFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a standardizer file: {e.Message}", e);
        }
        if (file?.Mean is null || file.Std is null)
            throw new InvalidDataException($"{path} is not a standardizer file: it needs \"mean\" and \"std\" arrays");
        try
        {
            return new Standardizer(file.Mean, file.Std);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    private sealed record StandardizerFile(
        [property: System.Text.Json.Serialization.JsonPropertyName("mean")] float[] Mean,
        [property: System.Text.Json.Serialization.JsonPropertyName("std")] float[] Std);
}
