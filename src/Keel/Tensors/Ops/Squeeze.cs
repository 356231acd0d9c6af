namespace Keel.Tensors;

public partial class Tensor
{
    /// <summary>
    /// Inserts an axis of size 1 at <paramref name="axis"/> (in <c>[−rank − 1, rank]</c>), as
    /// <c>torch.unsqueeze</c>; copies, like <see cref="Reshape"/>.
    /// </summary>
    public Tensor Unsqueeze(int axis)
    {
        int a = axis < 0 ? axis + Rank + 1 : axis;
        if (a < 0 || a > Rank) throw new ArgumentException($"Unsqueeze: axis {axis} is out of range for shape {Shape} (allowed {-Rank - 1}..{Rank})");
        return Reshape([.. Shape.Dims[..a], 1, .. Shape.Dims[a..]]);
    }

    /// <summary>
    /// Removes axes of size 1, as <c>torch.squeeze</c>: all of them, or only <paramref name="axis"/>
    /// (left as is when its size is not 1, as PyTorch does); copies, like <see cref="Reshape"/>.
    /// </summary>
    public Tensor Squeeze(int? axis = null)
    {
        if (axis is { } given && (given < -Math.Max(Rank, 1) || given >= Math.Max(Rank, 1)))
            throw new ArgumentException($"Squeeze: axis {given} is out of range for shape {Shape}");
        int only = axis is { } g && Rank > 0 ? Shape.NormalizeAxis(g) : -1;
        var dims = Shape.Dims.ToArray().Where((d, i) => d != 1 || (only >= 0 && i != only)).ToArray();
        return Reshape(dims);
    }
}
