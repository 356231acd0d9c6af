using Keel.Tensors;

namespace Keel.Optim;

/// <summary>
/// Updates parameters from their gradients, like <c>torch.optim.Optimizer</c>: what a trainer,
/// a learning-rate schedule and the non-finite guard need, and nothing more.
/// </summary>
public interface IOptimizer
{
    /// <summary>The parameter groups, each with its own learning rate and weight decay.</summary>
    IReadOnlyList<ParameterGroup> Groups { get; }

    /// <summary>
    /// The base learning rate. Setting it sets every group's rate to this value times the
    /// group's ratio to the base rate given at construction, so groups keep their proportions
    /// when a schedule drives the rate.
    /// </summary>
    float LearningRate { get; set; }

    /// <summary>Applies one update to every parameter that has a gradient.</summary>
    void Step();

    /// <summary>Fills every parameter's gradient with zeros, keeping the buffers.</summary>
    void ZeroGrad();

    /// <summary>A copy of the optimizer's slots, step counts and group hyperparameters.</summary>
    OptimizerState GetState();

    /// <summary>Replaces the slots, step counts and group hyperparameters with copies of <paramref name="state"/>'s.</summary>
    void LoadState(OptimizerState state);
}
