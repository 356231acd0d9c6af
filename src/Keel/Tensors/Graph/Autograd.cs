namespace Keel.Tensors.Graph;

/// <summary>
/// Reverse-mode differentiation over the recorded graph: a topological order of the tensors that
/// lead to the root, then each op's backward from the root down, then the release of the graph.
/// </summary>
internal static class Autograd
{
    private static int s_nextMark;
    [ThreadStatic] private static List<Tensor>? t_order;
    [ThreadStatic] private static Stack<(Tensor Tensor, int NextInput)>? t_stack;

    public static void Backward(Tensor root, Tensor? gradient, bool retainGraph)
    {
        if (root.GraphReleased)
            throw new InvalidOperationException(
                "Backward() through a graph that an earlier Backward() already released; " +
                "pass retainGraph: true to the first call to run backward through it twice");
        if (!root.RequiresGrad)
            throw new InvalidOperationException($"Backward() from a tensor of shape {root.Shape} that does not require grad: no input of its graph requires grad");
        if (gradient is null && root.Size != 1)
            throw new InvalidOperationException($"Backward() without a gradient needs a scalar; this tensor has shape {root.Shape}. Pass a gradient of that shape or reduce to a scalar first");
        if (gradient is not null && gradient.Shape != root.Shape)
            throw new ArgumentException($"Backward(): gradient shape {gradient.Shape} differs from the tensor's shape {root.Shape}");

        var order = TopologicalOrder(root);
        var rootGrad = root.GradForAccumulation();
        if (gradient is null) rootGrad[0] += 1f;
        else System.Numerics.Tensors.TensorPrimitives.Add(rootGrad, gradient.Data, rootGrad);

        for (int i = order.Count - 1; i >= 0; i--)
        {
            var tensor = order[i];
            if (tensor.Op is { } op && tensor.Grad is { } grad) op.Backward(tensor, grad.Data);
        }

        // Gradients of intermediates live for one pass (unless retained); values live until the graph goes.
        foreach (var tensor in order)
        {
            tensor.ReleaseGrad();
            if (!retainGraph) tensor.ReleaseGraph(keepValue: ReferenceEquals(tensor, root));
        }
        order.Clear();
    }

    /// <summary>Non-leaf tensors reachable from the root, each after all the tensors it reads.</summary>
    private static List<Tensor> TopologicalOrder(Tensor root)
    {
        int mark = Interlocked.Increment(ref s_nextMark);
        var order = t_order ??= [];
        var stack = t_stack ??= new();
        order.Clear();
        stack.Clear();
        if (root.Op is null) return order;

        root.VisitMark = mark;
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (tensor, next) = stack.Pop();
            var inputs = tensor.Op?.Inputs ?? [];
            if (next < inputs.Length)
            {
                stack.Push((tensor, next + 1));
                var input = inputs[next];
                if (input.GraphReleased && !input.IsRetained)
                    throw new InvalidOperationException(
                        $"Backward() reached {input.Name ?? "a tensor of shape " + input.Shape}, whose graph an earlier Backward() released; " +
                        "pass retainGraph: true to that call to share part of a graph between two backward passes");
                if (input.Op is not null && input.VisitMark != mark)
                {
                    input.VisitMark = mark;
                    stack.Push((input, 0));
                }
            }
            else
            {
                order.Add(tensor);
            }
        }
        return order;
    }
}
