using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// The base of every layer and model, like PyTorch's <c>torch.nn.Module</c>: it owns named
/// parameters (trained), buffers (state that is saved but not trained, such as batch-norm running
/// statistics) and child modules, and switches between training and evaluation behaviour.
/// </summary>
/// <remarks>
/// Names are dotted paths from the outermost module, with PyTorch's leaf names
/// (<c>layers.2.weight</c>, <c>layers.3.running_mean</c>); each <see cref="Parameter"/>'s
/// <see cref="Tensor.Name"/> is kept equal to its path whenever a module is registered as a child.
/// Modules start in training mode, as in PyTorch.
/// </remarks>
public abstract class Module
{
    private readonly List<(string Name, Parameter Parameter, bool IsWeight)> _parameters = [];
    private readonly List<(string Name, Tensor Buffer)> _buffers = [];
    private readonly List<(string Name, Module Module)> _children = [];

    /// <summary>This module's dotted path in the model it was last registered into ("" at the root).</summary>
    public string Path { get; private set; } = "";

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Number of trainable values: the total size of <see cref="Parameters"/>.</summary>
    public long ParameterCount => Parameters().Sum(p => (long)p.Size);

    /// <summary>Computes the module's output for <paramref name="input"/>.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>The direct children with their names, in registration order.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _children;

    /// <summary>This module ("") and every descendant with its dotted name, depth first, like PyTorch's <c>named_modules()</c>.</summary>
    public IEnumerable<(string Name, Module Module)> NamedModules() => Walk("").Select(m => (m.Prefix.TrimEnd('.'), m.Module));

    /// <summary>Every parameter of this module and its descendants, in registration order.</summary>
    public IEnumerable<Parameter> Parameters() => NamedParameters().Select(p => p.Parameter);

    /// <summary>Every parameter with its dotted name, like PyTorch's <c>named_parameters()</c>.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters()
        => Walk("").SelectMany(m => m.Module._parameters.Select(p => (m.Prefix + p.Name, p.Parameter)));

    /// <summary>
    /// The weight matrices only (<see cref="Linear"/> and <see cref="Embedding"/> weights), not
    /// biases nor normalization gains: what weight constraints and penalties usually target.
    /// </summary>
    public IEnumerable<Parameter> Weights()
        => Walk("").SelectMany(m => m.Module._parameters.Where(p => p.IsWeight).Select(p => p.Parameter));

    /// <summary>Every buffer (saved, not trained) of this module and its descendants.</summary>
    public IEnumerable<Tensor> Buffers() => NamedBuffers().Select(b => b.Buffer);

    /// <summary>Every buffer with its dotted name, like PyTorch's <c>named_buffers()</c>.</summary>
    public IEnumerable<(string Name, Tensor Buffer)> NamedBuffers()
        => Walk("").SelectMany(m => m.Module._buffers.Select(b => (m.Prefix + b.Name, b.Buffer)));

    /// <summary>Sets training mode on this module and all its descendants; returns this module.</summary>
    public Module Train(bool mode = true)
    {
        foreach (var (_, module) in Walk("")) module.IsTraining = mode;
        return this;
    }

    /// <summary>Sets evaluation mode (batch norm uses running statistics, dropout is the identity); returns this module.</summary>
    public Module Eval() => Train(false);

    /// <summary>
    /// Zeroes the gradients of all parameters: drops them (the default, as PyTorch's
    /// <c>zero_grad()</c>), or with <paramref name="setToNone"/> false fills them with zeros
    /// (see <see cref="Tensor.ZeroGrad"/>).
    /// </summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in Parameters()) p.ZeroGrad(setToNone);
    }

    /// <summary>
    /// Parameters then buffers of each module, by dotted name, like PyTorch's <c>state_dict()</c>.
    /// The tensors are the module's own (not copies): <see cref="Tensor.Detach"/> them to keep a snapshot.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var state = new OrderedDictionary<string, Tensor>();
        foreach (var (prefix, module) in Walk(""))
        {
            foreach (var (name, p, _) in module._parameters) state.Add(prefix + name, p);
            foreach (var (name, b) in module._buffers) state.Add(prefix + name, b);
        }
        return state;
    }

    /// <summary>
    /// Copies the values of <paramref name="state"/> into this module's parameters and buffers,
    /// like PyTorch's <c>load_state_dict</c>. See <see cref="StateDictLoader"/> for the rules.
    /// </summary>
    /// <param name="state">Tensors by dotted name.</param>
    /// <param name="strict">Fail on missing or unexpected names (shape mismatches always fail).</param>
    /// <returns>The names the module has but the state lacks, and those it has that the module lacks.</returns>
    /// <exception cref="ArgumentException">The message names every missing, unexpected or mis-shaped tensor; nothing is copied.</exception>
    public StateDictLoadResult LoadStateDict(IReadOnlyDictionary<string, Tensor> state, bool strict = true)
        => StateDictLoader.Load(this, state, strict);

    /// <summary>
    /// A table of the layers with their output shapes and parameter counts, like Keras'
    /// <c>model.summary()</c>; see <see cref="ModelSummary"/>.
    /// </summary>
    /// <param name="inputShape">An input's full shape, batch axis included (for example <c>[32, 3]</c>).</param>
    public string Summary(Shape inputShape) => ModelSummary.Format(this, inputShape);

    /// <summary>How messages name this module: its description and, inside a model, its path (<c>Linear(30, 200) at 'layers.2'</c>).</summary>
    protected string LayerName => Path.Length == 0 ? ToString() : $"{this} at '{Path}'";

    /// <summary>A short description such as <c>Linear(30, 200, bias: false)</c>; the type name by default.</summary>
    public override string ToString() => GetType().Name;

    /// <summary>Registers a trainable tensor under <paramref name="name"/> and returns it as a parameter.</summary>
    /// <param name="name">A leaf name such as <c>weight</c>.</param>
    /// <param name="initial">The starting values (copied).</param>
    /// <param name="isWeight">True for weight matrices, which <see cref="Weights"/> lists.</param>
    protected Parameter RegisterParameter(string name, Tensor initial, bool isWeight = false)
    {
        CheckName(name);
        var parameter = new Parameter(initial, Path.Length == 0 ? name : $"{Path}.{name}");
        _parameters.Add((name, parameter, isWeight));
        return parameter;
    }

    /// <summary>Registers a saved, untrained tensor (a running statistic) under <paramref name="name"/>.</summary>
    protected Tensor RegisterBuffer(string name, Tensor buffer)
    {
        CheckName(name);
        buffer.Name = Path.Length == 0 ? name : $"{Path}.{name}";
        _buffers.Add((name, buffer));
        return buffer;
    }

    /// <summary>Registers <paramref name="module"/> as a child named <paramref name="name"/> and renames its tensors to their paths.</summary>
    protected T RegisterModule<T>(string name, T module)
        where T : Module
    {
        CheckName(name);
        if (Walk("").Any(m => ReferenceEquals(m.Module, module)) || module.Walk("").Any(m => ReferenceEquals(m.Module, this)))
            throw new ArgumentException($"{module} is already part of this model (at {(module.Path.Length == 0 ? "the root" : module.Path)}); a module can be registered once");
        _children.Add((name, module));
        module.Rename(Path.Length == 0 ? name : $"{Path}.{name}");
        return module;
    }

    private void Rename(string path)
    {
        Path = path;
        string prefix = path.Length == 0 ? "" : path + ".";
        foreach (var (name, p, _) in _parameters) p.Name = prefix + name;
        foreach (var (name, b) in _buffers) b.Name = prefix + name;
        foreach (var (name, child) in _children) child.Rename(prefix + name);
    }

    /// <summary>This module and its descendants, depth first, each with its name prefix relative to this module.</summary>
    internal IEnumerable<(string Prefix, Module Module)> Walk(string prefix)
    {
        yield return (prefix, this);
        foreach (var (name, child) in _children)
        {
            foreach (var item in child.Walk($"{prefix}{name}.")) yield return item;
        }
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.StartsWith('.') || name.EndsWith('.'))
            throw new ArgumentException($"invalid name '{name}' for a tensor or child of {this}");
        if (_parameters.Any(p => p.Name == name) || _buffers.Any(b => b.Name == name) || _children.Any(c => c.Name == name))
            throw new ArgumentException($"{this} already has a tensor or child named '{name}'");
    }
}
