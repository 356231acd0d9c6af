namespace Keel.Diagnostics;

/// <summary>
/// The limits the detectors apply. Defaults follow Karpathy's makemore part 3 (saturation at
/// |tanh| &gt; 0.97 should stay near 5 %; update-to-data ratios near 1e-3, that is −3 in log10)
/// with wide margins, so that a healthy run stays quiet.
/// </summary>
/// <param name="ExplodingGrowth">Gradient-norm growth (median of the last quarter of probes over the first quarter) that counts as exploding.</param>
/// <param name="WeightGrowth">Growth of the total weight norm, first probe to last, that counts as unbounded.</param>
/// <param name="VanishingOrders">Orders of magnitude by which the first weight's gradient std may trail the last's.</param>
/// <param name="VanishingUpdate">log10 update-to-data ratio under which a weight barely moves (−5: 1e-5).</param>
/// <param name="Saturation">Fraction of saturated outputs that is flagged (a warning; twice it, critical).</param>
/// <param name="DeadUnits">Fraction of dead ReLU-family units that is flagged.</param>
/// <param name="LrTooHigh">Median log10 update-to-data ratio above which the learning rate is too high.</param>
/// <param name="LrTooLow">Median log10 update-to-data ratio under which the learning rate is too low.</param>
/// <param name="OverfittingRise">Relative rise of the validation loss above its minimum, while the training loss falls, that is flagged.</param>
/// <param name="InitialLossFactor">Factor by which the step-0 loss may exceed (or fall short of) ln(classes).</param>
public sealed record HealthThresholds(
    double ExplodingGrowth = 100,
    double WeightGrowth = 10,
    double VanishingOrders = 3,
    double VanishingUpdate = -5,
    double Saturation = 0.25,
    double DeadUnits = 0.25,
    double LrTooHigh = -1.5,
    double LrTooLow = -4.5,
    double OverfittingRise = 0.03,
    double InitialLossFactor = 1.5)
{
    /// <summary>The defaults.</summary>
    public static HealthThresholds Default { get; } = new();
}
