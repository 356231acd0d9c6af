namespace Keel.Stability;

/// <summary>What a clipping pass saw and decided.</summary>
/// <param name="Norm">The total gradient norm before clipping (the 2-norm, or the ∞-norm for global-norm clipping with that norm type).</param>
/// <param name="SkipStep">True when the policy is <see cref="NonFinitePolicy.SkipStep"/> and a gradient was not finite.</param>
/// <param name="NonFiniteParameter">The first parameter whose gradient was not finite, or null.</param>
public readonly record struct ClippingResult(float Norm, bool SkipStep, string? NonFiniteParameter);
