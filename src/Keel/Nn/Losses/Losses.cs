using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// The losses as functions, like <c>torch.nn.functional</c>; the two-argument overloads (mean
/// reduction) fit <c>Func&lt;Tensor, Tensor, Tensor&gt;</c>: <c>new Trainer(model, optimizer, Losses.CrossEntropy)</c>.
/// </summary>
public static class Losses
{
    /// <summary>Mean cross-entropy from logits <c>[N, C]</c> and class indices <c>[N]</c> (<see cref="CrossEntropyLoss"/>).</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets) => logits.CrossEntropy(targets);

    /// <summary>Cross-entropy with a reduction and label smoothing (<see cref="CrossEntropyLoss"/>).</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor targets, Reduction reduction, float labelSmoothing = 0f)
        => new CrossEntropyLoss(reduction, labelSmoothing).Forward(logits, targets);

    /// <summary>Mean negative log-likelihood of class indices under log-probabilities (<see cref="NllLoss"/>).</summary>
    public static Tensor Nll(Tensor logProbabilities, Tensor targets) => logProbabilities.NllLoss(targets);

    /// <summary>Negative log-likelihood with a reduction.</summary>
    public static Tensor Nll(Tensor logProbabilities, Tensor targets, Reduction reduction) => logProbabilities.NllLoss(targets, reduction);

    /// <summary>Mean squared error (<see cref="MseLoss"/>).</summary>
    public static Tensor Mse(Tensor input, Tensor target) => new MseLoss().Forward(input, target);

    /// <summary>Squared error with a reduction.</summary>
    public static Tensor Mse(Tensor input, Tensor target, Reduction reduction) => new MseLoss(reduction).Forward(input, target);

    /// <summary>Mean absolute error (<see cref="MaeLoss"/>).</summary>
    public static Tensor Mae(Tensor input, Tensor target) => new MaeLoss().Forward(input, target);

    /// <summary>Absolute error with a reduction.</summary>
    public static Tensor Mae(Tensor input, Tensor target, Reduction reduction) => new MaeLoss(reduction).Forward(input, target);

    /// <summary>Mean Huber loss with δ = 1 (<see cref="HuberLoss"/>).</summary>
    public static Tensor Huber(Tensor input, Tensor target) => new HuberLoss().Forward(input, target);

    /// <summary>Huber loss with a reduction and threshold δ.</summary>
    public static Tensor Huber(Tensor input, Tensor target, Reduction reduction, float delta = 1f) => new HuberLoss(reduction, delta).Forward(input, target);

    /// <summary>Mean binary cross-entropy from logits (<see cref="BceWithLogitsLoss"/>).</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets) => new BceWithLogitsLoss().Forward(logits, targets);

    /// <summary>Binary cross-entropy from logits with a reduction.</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor logits, Tensor targets, Reduction reduction)
        => new BceWithLogitsLoss(reduction).Forward(logits, targets);
}
