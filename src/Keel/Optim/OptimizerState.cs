namespace Keel.Optim;

/// <summary>
/// An optimizer's state as plain data, so that a checkpoint can store it and a resumed run
/// continues bit for bit.
/// </summary>
/// <remarks>
/// <see cref="Slots"/> holds one float array per parameter slot, keyed
/// <c>{parameterName}.{slot}</c> with PyTorch's slot names (<c>momentum_buffer</c>,
/// <c>exp_avg</c>, <c>exp_avg_sq</c>, <c>max_exp_avg_sq</c>, <c>square_avg</c>, <c>grad_avg</c>,
/// <c>sum</c>); a parameter without a name is keyed by its position over all groups
/// (<c>params.3</c>). <see cref="Scalars"/> holds per-parameter step counts
/// (<c>{parameterName}.step</c>), the base learning rate (<c>lr</c>) and each group's rate and
/// decay (<c>param_groups.{i}.lr</c>, <c>param_groups.{i}.weight_decay</c>); doubles hold the
/// float hyperparameters and the step counts exactly. Parameters never stepped have no entries.
/// </remarks>
public sealed class OptimizerState
{
    /// <summary>The optimizer's kind (<c>Sgd</c>, <c>Adam</c>, …), checked on load.</summary>
    public required string Kind { get; init; }

    /// <summary>Per-parameter slot arrays.</summary>
    public Dictionary<string, float[]> Slots { get; init; } = [];

    /// <summary>Step counts and group hyperparameters.</summary>
    public Dictionary<string, double> Scalars { get; init; } = [];
}
