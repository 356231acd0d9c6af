namespace Keel.Tensors;

/// <summary>Whether operations record the graph on this thread, like <c>torch.no_grad()</c>.</summary>
/// <example><code>using (GradMode.NoGrad()) { var logits = model.Forward(x); }</code></example>
public static class GradMode
{
    [ThreadStatic] private static int t_disabledDepth;

    /// <summary>True unless inside a <see cref="NoGrad"/> scope on this thread.</summary>
    public static bool IsEnabled => t_disabledDepth == 0;

    /// <summary>Stops recording the graph on this thread until the scope is disposed.</summary>
    public static NoGradScope NoGrad()
    {
        t_disabledDepth++;
        return default;
    }

    /// <summary>Ends a <see cref="NoGrad"/> scope.</summary>
    public readonly struct NoGradScope : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => t_disabledDepth--;
    }
}
