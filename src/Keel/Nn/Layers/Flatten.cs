using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// Merges the axes from <c>startDim</c> to <c>endDim</c> into one, like PyTorch's
/// <c>nn.Flatten</c> (defaults 1 and −1: <c>[B, …] → [B, ∏…]</c>, as Keras' <c>Flatten</c>).
/// </summary>
/// <remarks>Keel's reshape copies, so the output owns its values.</remarks>
public sealed class Flatten : Module
{
    /// <summary>A layer flattening axes <paramref name="startDim"/> to <paramref name="endDim"/> (negative counts from the end).</summary>
    public Flatten(int startDim = 1, int endDim = -1) => (StartDim, EndDim) = (startDim, endDim);

    /// <summary>First axis merged.</summary>
    public int StartDim { get; }

    /// <summary>Last axis merged.</summary>
    public int EndDim { get; }

    /// <inheritdoc />
    public override Tensor Forward(Tensor input)
    {
        int rank = input.Rank;
        int start = StartDim < 0 ? StartDim + rank : StartDim, end = EndDim < 0 ? EndDim + rank : EndDim;
        if (start < 0 || end >= rank || start > end)
            throw new ArgumentException($"{LayerName}: cannot flatten axes {StartDim} to {EndDim} of an input of shape {input.Shape}");
        var dims = new List<int>();
        for (int d = 0; d < start; d++) dims.Add(input.Shape[d]);
        int merged = 1;
        for (int d = start; d <= end; d++) merged *= input.Shape[d];
        dims.Add(merged);
        for (int d = end + 1; d < rank; d++) dims.Add(input.Shape[d]);
        return input.Reshape([.. dims]);
    }

    /// <inheritdoc />
    public override string ToString() => StartDim == 1 && EndDim == -1 ? "Flatten" : $"Flatten({StartDim}, {EndDim})";
}
