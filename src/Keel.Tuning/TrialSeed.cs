namespace Keel.Tuning;

/// <summary>Each trial's seed, a hash of the study seed and the trial number.</summary>
/// <remarks>
/// <c>seed = splitmix64(studySeed ⊕ (number + 1)·0x9E3779B97F4A7C15) ≫ 33</c>, a non-negative
/// 31-bit integer, with SplitMix64's finalizer (Steele, Lea and Flood, 2014):
/// <c>z += 0x9E3779B97F4A7C15; z = (z ⊕ z≫30)·0xBF58476D1CE4E5B9; z = (z ⊕ z≫27)·0x94D049BB133111EB; z ⊕ z≫31</c>.
/// The sampler's random numbers for a trial come from this seed, and objectives should seed their
/// own randomness (weight initialization, shuffling) with it too: then a trial's outcome depends
/// on its number, not on which worker or process happened to run it.
/// </remarks>
public static class TrialSeed
{
    /// <summary>The seed of trial <paramref name="number"/> in a study seeded with <paramref name="studySeed"/>.</summary>
    public static int Derive(long studySeed, int number)
    {
        ulong z = unchecked((ulong)studySeed ^ ((ulong)(number + 1) * 0x9E3779B97F4A7C15UL));
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z >> 33);
    }
}
