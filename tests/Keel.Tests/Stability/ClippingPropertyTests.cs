using FsCheck;
using FsCheck.Fluent;
using Keel.Kernels.Optim;
using Keel.Stability;
using Keel.Tensors;

namespace Keel.Tests.Stability;

public sealed class ClippingPropertyTests
{
    [Fact]
    public void After_global_norm_clipping_the_total_norm_is_at_most_the_limit()
    {
        Prop.ForAll<int>(seed =>
        {
            var generator = new Generator((ulong)(uint)seed);
            float limit = 0.01f + 10f * generator.NextFloat();
            float scale = MathF.Pow(10f, -3f + 8f * generator.NextFloat());
            var parameters = RandomGradients(generator, scale);
            GradientClipping.GlobalNorm(limit).Clip(parameters);
            double total = Math.Sqrt(parameters.Sum(p => NormKernels.SumOfSquares(p.Grad!.Data)));
            // Rounding each element to float can add at most a relative 2⁻²⁴ to the norm.
            return total <= limit * (1 + 1e-6);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void After_clipping_by_norm_each_vector_is_at_most_the_limit_and_keeps_its_direction()
    {
        Prop.ForAll<int>(seed =>
        {
            var generator = new Generator((ulong)(uint)seed);
            int rows = 1 + generator.NextInt(5), cols = 1 + generator.NextInt(5);
            var grad = Tensor.Normal([rows, cols], generator, std: 5f);
            var before = grad.ToArray();
            var p = new Parameter(Tensor.Zeros([rows, cols])) { Grad = grad };
            GradientClipping.Norm(1f, axes: [1]).Clip([p]);
            var after = p.Grad!.ToArray();
            for (int r = 0; r < rows; r++)
            {
                var row = after.AsSpan(r * cols, cols);
                if (Math.Sqrt(NormKernels.SumOfSquares(row)) > 1 + 1e-6) return false;
                // Same direction: the scale is one positive number per row.
                double ratio = row[0] / (double)before[r * cols];
                for (int c = 0; c < cols; c++)
                {
                    if (before[r * cols + c] != 0 && Math.Abs(row[c] / (double)before[r * cols + c] - ratio) > 1e-5) return false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static Parameter[] RandomGradients(Generator generator, float scale)
    {
        int count = 1 + generator.NextInt(4);
        var parameters = new Parameter[count];
        for (int i = 0; i < count; i++)
        {
            Shape shape = [1 + generator.NextInt(6), 1 + generator.NextInt(6)];
            parameters[i] = new Parameter(Tensor.Zeros(shape)) { Grad = Tensor.Normal(shape, generator, std: scale) };
        }
        return parameters;
    }
}
