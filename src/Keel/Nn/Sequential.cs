using System.Collections;
using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Layers applied in order, each to the previous one's output, like PyTorch's
/// <c>nn.Sequential</c> and Keras' <c>Sequential</c>.
/// </summary>
/// <remarks>
/// Children are named <c>layers.0</c>, <c>layers.1</c>, … so parameter names read
/// <c>layers.2.weight</c> (PyTorch's <c>nn.Sequential</c> names them <c>0</c>, <c>1</c>, …; a
/// model wrapping one in a <c>layers</c> attribute gets Keel's names). Indexable and enumerable.
/// </remarks>
public sealed class Sequential : Module, IReadOnlyList<Module>
{
    private readonly List<Module> _layers = [];

    /// <summary>A model made of <paramref name="layers"/>, applied first to last.</summary>
    public Sequential(params IEnumerable<Module> layers)
    {
        foreach (var layer in layers) Add(layer);
    }

    /// <summary>Number of layers.</summary>
    public int Count => _layers.Count;

    /// <summary>The layer at <paramref name="index"/> (negative counts from the end, as in Python).</summary>
    public Module this[int index]
    {
        get
        {
            int i = index < 0 ? index + _layers.Count : index;
            if (i < 0 || i >= _layers.Count)
                throw new ArgumentOutOfRangeException(nameof(index), $"layer index {index} is out of range for a Sequential of {_layers.Count} layers");
            return _layers[i];
        }
    }

    /// <summary>Appends <paramref name="layer"/> as <c>layers.{Count}</c>.</summary>
    public void Add(Module layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        RegisterModule($"layers.{_layers.Count}", layer);
        _layers.Add(layer);
    }

    /// <summary>Applies every layer in order.</summary>
    /// <remarks>
    /// Under no-grad nothing records a graph, so once a layer has run, nothing reads the previous
    /// layer's output again: its buffer goes back to the pool at once (never the caller's input, a
    /// tensor a layer returned unchanged, or a retained one). Inference then allocates nothing in
    /// the steady state, as training does through backward.
    /// </remarks>
    public override Tensor Forward(Tensor input)
    {
        var x = input;
        bool release = !GradMode.IsEnabled;
        foreach (var layer in _layers)
        {
            var next = layer.Forward(x);
            if (release && !ReferenceEquals(x, input) && !ReferenceEquals(x, next) && !x.IsRetained) x.Dispose();
            x = next;
        }
        return x;
    }

    /// <inheritdoc />
    public IEnumerator<Module> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => $"Sequential({_layers.Count} layer{(_layers.Count == 1 ? "" : "s")})";
}
