using Keel.Tensors;

namespace Keel.Nn;

/// <summary>
/// A (semi-)orthogonal matrix times <see cref="Gain"/> (Saxe et al., 2014), PyTorch's
/// <c>nn.init.orthogonal_</c> and Keras' <c>Orthogonal</c>.
/// </summary>
/// <remarks>
/// The tensor is viewed as <c>[size / last, last]</c> (Keras' flattening). A normal matrix of that
/// shape (transposed to be tall) is factored A = QR; Q with the signs of R's diagonal folded in,
/// as PyTorch does, is uniform over orthogonal matrices. The result has orthonormal columns when
/// it has at least as many rows as columns, orthonormal rows otherwise.
/// </remarks>
/// <param name="Gain">Multiplies the orthogonal matrix (default 1).</param>
public sealed record Orthogonal(float Gain = 1f) : IInitializer
{
    /// <inheritdoc />
    public void Fill(Tensor tensor, Fans fans, Generator generator)
    {
        if (tensor.Rank < 2) throw new ArgumentException($"Orthogonal: needs a tensor of rank 2 or more, got shape {tensor.Shape}");
        int cols = tensor.Shape[-1], rows = cols == 0 ? 0 : tensor.Size / cols;
        if (rows == 0 || cols == 0) return;
        bool transpose = rows < cols;
        int n = transpose ? cols : rows, k = transpose ? rows : cols;
        // q[j] is column j of the tall n×k matrix; modified Gram–Schmidt gives R a positive diagonal.
        var q = new double[k][];
        for (int j = 0; j < k; j++)
        {
            q[j] = new double[n];
            for (int i = 0; i < n; i++) q[j][i] = generator.NextNormal();
        }
        for (int j = 0; j < k; j++)
        {
            for (int p = 0; p < j; p++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += q[p][i] * q[j][i];
                for (int i = 0; i < n; i++) q[j][i] -= dot * q[p][i];
            }
            double norm = Math.Sqrt(q[j].Sum(v => v * v));
            for (int i = 0; i < n; i++) q[j][i] /= norm;
        }
        var data = tensor.Data;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
                data[r * cols + c] = (float)(Gain * (transpose ? q[r][c] : q[c][r]));
        }
    }
}
