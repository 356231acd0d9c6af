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

    /// <summary>
    /// Zeroes every parameter's gradient: drops it (PyTorch's <c>zero_grad(set_to_none=True)</c>, the
    /// default there too), or with <paramref name="setToNone"/> false fills it with zeros. See
    /// <see cref="Tensor.ZeroGrad"/>.
    /// </summary>
    /// <remarks>
    /// A dropped gradient costs nothing: its buffer waits for the next backward pass, which writes
    /// over it instead of adding to zeros. A parameter that the next backward pass does not reach
    /// then has no gradient, and <see cref="Step"/> leaves it alone (with zeros, momentum or Adam's
    /// moments would still move it), as in PyTorch.
    /// </remarks>
    void ZeroGrad(bool setToNone = true);

    /// <summary>A copy of the optimizer's slots, step counts and group hyperparameters.</summary>
    OptimizerState GetState();

    /// <summary>Replaces the slots, step counts and group hyperparameters with copies of <paramref name="state"/>'s.</summary>
    void LoadState(OptimizerState state);
}
