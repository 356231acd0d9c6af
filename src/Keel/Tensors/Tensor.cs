using Keel.Tensors.Graph;

namespace Keel.Tensors;

/// <summary>
/// A float32 array with a shape that records the operations applied to it and computes gradients
/// by reverse-mode autodiff, like a PyTorch tensor with <c>requires_grad</c>.
/// </summary>
/// <remarks>
/// Storage is contiguous and row-major, and each tensor owns its buffer alone (reshape and detach
/// copy), which keeps buffer lifetimes simple: buffers come from <see cref="BufferPool.Shared"/>,
/// and <see cref="Backward"/> returns those of the intermediate tensors it walked through, unless
/// <see cref="Retain"/> was called on them. The tensor it started from keeps its value.
/// Operations with at least one input that requires grad record an <see cref="Graph.Op"/> while
/// <see cref="GradMode.IsEnabled"/>. The class is open only so that <see cref="Parameter"/> can
/// derive from it, as <c>torch.nn.Parameter</c> does.
/// </remarks>
public partial class Tensor : IDisposable
{
    private float[]? _data;
    private byte _offset; // below 16 floats: a byte keeps the object the size it was without it
    private bool _requiresGrad;
    private Tensor? _grad;
    private Tensor? _spareGrad;

    /// <summary>A tensor on pooled storage aligned to 64 bytes (<see cref="BufferPool.RentAligned"/>), zeroed when <paramref name="clear"/>.</summary>
    private protected Tensor(Shape shape, bool requiresGrad, bool clear)
    {
        Shape = shape;
        _data = BufferPool.Shared.RentAligned(shape.Size, clear, out int offset);
        _offset = (byte)offset;
        _requiresGrad = requiresGrad;
    }

    /// <summary>The axis sizes.</summary>
    public Shape Shape { get; }

    /// <summary>Number of elements.</summary>
    public int Size => Shape.Size;

    /// <summary>Number of axes.</summary>
    public int Rank => Shape.Rank;

    /// <summary>The values, row-major. Writing to them bypasses the graph.</summary>
    /// <exception cref="InvalidOperationException">The buffer went back to the pool.</exception>
    public Span<float> Data => _data is { } data ? new Span<float>(data, _offset, Shape.Size) : throw ReleasedError();

    /// <summary>An optional name used in messages (parameters carry their dotted path).</summary>
    public string? Name { get; set; }

    /// <summary>Whether gradients flow to this tensor. Set it on leaves; results of operations derive it.</summary>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (Op is not null && !value)
                throw new InvalidOperationException($"cannot clear RequiresGrad on the result of {Op.Name}; use Detach()");
            _requiresGrad = value;
        }
    }

    /// <summary>∂L/∂this after <see cref="Backward"/>; null until the first backward reaches this leaf.</summary>
    /// <remarks>
    /// Gradients accumulate across backward calls until <see cref="ZeroGrad"/>. Setting null drops
    /// the gradient (PyTorch's <c>x.grad = None</c>); a new gradient must have this tensor's shape.
    /// </remarks>
    public Tensor? Grad
    {
        get => _grad;
        set
        {
            if (value is not null && value.Shape != Shape)
                throw new ArgumentException($"a gradient of shape {value.Shape} does not fit a tensor of shape {Shape}");
            _grad = value;
        }
    }

    /// <summary>True for tensors not produced by a recorded operation (inputs, parameters).</summary>
    public bool IsLeaf => Op is null;

    /// <summary>The name of the operation that produced this tensor, or null for a leaf.</summary>
    public string? GradFn => Op?.Name;

    /// <summary>The recorded operation that produced this tensor.</summary>
    internal Op? Op { get; private set; }

    /// <summary>True once a backward pass released the graph that produced this tensor.</summary>
    internal bool GraphReleased { get; private set; }

    /// <summary>Kept (data and gradient) when a backward pass releases the graph.</summary>
    internal bool IsRetained { get; private set; }

    /// <summary>Used by the graph walk to mark visited tensors.</summary>
    internal int VisitMark { get; set; }

    /// <summary>
    /// Keeps this intermediate tensor's values and gradient after <see cref="Backward"/>
    /// (PyTorch's <c>retain_grad</c>, which also keeps the values here). Returns this tensor.
    /// </summary>
    public Tensor Retain()
    {
        IsRetained = true;
        return this;
    }

    /// <summary>
    /// Computes the gradient of this tensor with respect to every leaf that requires grad, adding
    /// it to their <see cref="Grad"/>, then releases the graph (unless <paramref name="retainGraph"/>).
    /// </summary>
    /// <param name="gradient">∂L/∂this, of this tensor's shape; optional when this is a scalar (it is 1).</param>
    /// <param name="retainGraph">Keep the graph so that backward can run through it again.</param>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
        => Autograd.Backward(this, gradient, retainGraph);

    /// <summary>
    /// Fills the gradient with zeros, keeping its buffer; or, with <paramref name="setToNone"/>, drops
    /// it (<see cref="Grad"/> becomes null, PyTorch's <c>grad = None</c>) and keeps its buffer for the
    /// next backward pass to write over, so that nothing is cleared or allocated.
    /// </summary>
    /// <remarks>
    /// With <paramref name="setToNone"/>, a reference kept to the old gradient tensor keeps its old
    /// values until the next backward pass writes the new gradient into that same buffer (PyTorch
    /// would give the new gradient a new tensor); copy the values (<see cref="ToArray"/>) to keep them.
    /// Optimizers and modules call this with <paramref name="setToNone"/> true by default, as PyTorch 2 does.
    /// </remarks>
    public void ZeroGrad(bool setToNone = false)
    {
        if (_grad is not { } grad) return;
        if (!setToNone)
        {
            grad.Data.Clear();
            return;
        }
        if (_spareGrad is { } older && !ReferenceEquals(older, grad)) older.ReleaseBuffers();
        _spareGrad = grad;
        _grad = null;
    }

    /// <summary>A copy of the values that records nothing and requires no grad.</summary>
    public Tensor Detach() => FromSpan(Data, Shape);

    /// <summary>The single value of a one-element tensor.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more or fewer than one element.</exception>
    public float Item()
    {
        if (Size != 1) throw new InvalidOperationException($"Item() needs a tensor of one element; this one has shape {Shape}");
        return Data[0];
    }

    /// <summary>A copy of the values, row-major.</summary>
    public float[] ToArray() => Data.ToArray();

    /// <summary>Returns the buffer (and the gradient's) to the pool; the tensor is unusable after.</summary>
    /// <remarks>Optional: undisposed tensors are collected by the GC. Do not dispose a tensor a live graph still reads.</remarks>
    public void Dispose()
    {
        ReleaseBuffers();
        GC.SuppressFinalize(this);
    }

    /// <summary>Readable values, shape and grad function, like PyTorch's repr.</summary>
    public override string ToString() => TensorFormatter.Format(this);

    /// <summary>Marks this tensor as produced by <paramref name="op"/>; it then requires grad.</summary>
    internal void SetOp(Op op)
    {
        Op = op;
        _requiresGrad = true;
    }

    /// <summary>
    /// The gradient's values, ready to be added to: a zeroed pooled buffer is made on first use.
    /// Backward functions accumulate into it.
    /// </summary>
    internal Span<float> GradForAccumulation()
    {
        if (_grad is null)
        {
            _grad = TakeSpareGrad() ?? Pooled(Shape, clear: false);
            _grad.Data.Clear();
        }
        return _grad.Data;
    }

    /// <summary>
    /// The gradient's values for a backward function that writes every element: on first use an
    /// uncleared pooled buffer to overwrite (<paramref name="accumulate"/> is false), afterwards the
    /// existing gradient to add to. Saves clearing a buffer only to add a matrix product to it.
    /// </summary>
    internal Span<float> GradForOverwrite(out bool accumulate)
    {
        accumulate = _grad is not null;
        _grad ??= TakeSpareGrad() ?? Pooled(Shape, clear: false);
        return _grad.Data;
    }

    /// <summary>The gradient that <see cref="ZeroGrad"/> set aside, its old values still in it; null when there is none.</summary>
    private Tensor? TakeSpareGrad()
    {
        var spare = _spareGrad;
        _spareGrad = null;
        return spare;
    }

    /// <summary>Detaches this tensor from its graph after backward; its buffers go back to the pool unless retained.</summary>
    internal void ReleaseGraph(bool keepValue)
    {
        Op?.ReleaseSaved();
        Op = null;
        GraphReleased = true;
        if (!IsRetained && !keepValue) ReleaseBuffers();
    }

    /// <summary>Returns an intermediate tensor's gradient to the pool after a backward pass, unless retained.</summary>
    internal void ReleaseGrad()
    {
        if (IsRetained || _grad is not { } grad) return;
        grad.ReleaseBuffers();
        _grad = null;
    }

    internal bool IsBufferReleased => _data is null;

    private void ReleaseBuffers()
    {
        if (_data is { } data) BufferPool.Shared.ReturnAligned(data);
        _data = null;
        _grad?.ReleaseBuffers();
        _grad = null;
        _spareGrad?.ReleaseBuffers();
        _spareGrad = null;
    }

    private InvalidOperationException ReleasedError() => new(
        $"tensor {Name ?? Shape.ToString()} has no values: its buffer went back to the pool " +
        (GraphReleased ? "when Backward() released its graph; call Retain() on it before Backward() to keep it" : "when it was disposed"));
}
