namespace Keel.Tuning.Pruners;

/// <summary>Never prunes (Optuna's <c>NopPruner</c>).</summary>
public sealed class NopPruner : IPruner
{
    /// <inheritdoc/>
    public bool Prune(PrunerContext context) => false;
}
