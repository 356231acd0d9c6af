using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Groups every <c>n</c> consecutive time steps into one, <c>[B, T, C] → [B, T/n, C·n]</c>: the
/// hierarchical fusion of WaveNet (van den Oord et al., 2016) as built in Karpathy's makemore.
/// </summary>
/// <remarks>
/// When the result has a single time step (T = n) that axis is dropped, giving <c>[B, C·n]</c>,
/// as makemore's <c>FlattenConsecutive</c> does, so a final Linear sees a plain batch of vectors.
/// A <c>[B, T]</c> input (one feature per step) is read as <c>[B, T, 1]</c>.
/// </remarks>
public sealed class FlattenConsecutive : Module
{
    /// <summary>A layer grouping <paramref name="n"/> consecutive steps.</summary>
    public FlattenConsecutive(int n)
    {
        if (n <= 0) throw new ArgumentException($"FlattenConsecutive: n must be positive, got {n}", nameof(n));
        N = n;
    }

    /// <summary>Steps merged into one.</summary>
    public int N { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        if (input.Rank is not (2 or 3))
            throw new ArgumentException($"{LayerName}: expected an input of shape [B, T, C] or [B, T], got {input.Shape}");
        int b = input.Shape[0], t = input.Shape[1], c = input.Rank == 3 ? input.Shape[2] : 1;
        if (t % N != 0)
            throw new ArgumentException($"{LayerName}: {t} time steps in input {input.Shape} do not divide into groups of {N}");
        return t == N ? input.Reshape(b, c * N) : input.Reshape(b, t / N, c * N);
    }

    /// <inheritdoc />
    public override string ToString() => $"FlattenConsecutive({N})";
}
