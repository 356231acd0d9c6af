using Keel.Tensors;
using Keel.TestKit;

namespace Keel.Tests.Tensors;

public sealed class ArithmeticGradientTests
{
    public static TheoryData<int[], int[]> BroadcastShapes => new()
    {
        { [3, 4], [3, 4] },
        { [3, 4], [4] },
        { [4], [3, 4] },
        { [3, 1], [1, 4] },
        { [2, 3, 4], [3, 1] },
        { [2, 1, 4], [2, 3, 1] },
        { [], [2, 3] },
        { [5], [] },
        { [0, 3], [3] },
    };

    [Theory, MemberData(nameof(BroadcastShapes))]
    public void Add_matches_the_reference_with_broadcasting(int[] a, int[] b) => CheckBinary(a, b, (x, y) => x + y, (x, y) => x + y);

    [Theory, MemberData(nameof(BroadcastShapes))]
    public void Sub_matches_the_reference_with_broadcasting(int[] a, int[] b) => CheckBinary(a, b, (x, y) => x - y, (x, y) => x - y);

    [Theory, MemberData(nameof(BroadcastShapes))]
    public void Mul_matches_the_reference_with_broadcasting(int[] a, int[] b) => CheckBinary(a, b, (x, y) => x * y, (x, y) => x * y);

    [Theory, MemberData(nameof(BroadcastShapes))]
    public void Div_matches_the_reference_with_broadcasting(int[] a, int[] b)
    {
        // Keep denominators away from zero so that central differences stay accurate.
        var x = GradCheck.Random(new Shape(a), 11);
        var y = Tensor.Uniform(new Shape(b), new Generator(12), 0.5f, 2f, requiresGrad: true);
        GradCheck.Check(t => t[0] / t[1], v => Reference.Broadcast(v[0], a, v[1], b, (p, q) => p / q, out _), [x, y]);
    }

    [Fact]
    public void Scalar_arithmetic_matches_the_reference()
    {
        var x = GradCheck.Random([2, 3], 3);
        GradCheck.Check(t => 2f - t[0] * 3f + 1f, v => v[0].Select(p => 2 - p * 3 + 1).ToArray(), [x]);
        GradCheck.Check(t => -(t[0] / 4f), v => v[0].Select(p => -(p / 4)).ToArray(), [x]);
    }

    [Fact]
    public void A_tensor_used_twice_accumulates_both_gradients()
    {
        var x = GradCheck.Random([3], 4);
        GradCheck.Check(t => t[0] * t[0] + t[0], v => v[0].Select(p => p * p + p).ToArray(), [x]);
    }

    [Fact]
    public void Mismatched_shapes_name_the_op_and_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros([2, 3]) + Tensor.Zeros([4]));
        Assert.Equal("Add: shapes [2, 3] and [4] do not broadcast", error.Message);
    }

    private static void CheckBinary(int[] a, int[] b, Func<Tensor, Tensor, Tensor> op, Func<double, double, double> f)
    {
        var x = GradCheck.Random(new Shape(a), 1);
        var y = GradCheck.Random(new Shape(b), 2);
        GradCheck.Check(t => op(t[0], t[1]), v => Reference.Broadcast(v[0], a, v[1], b, f, out _), [x, y]);
    }
}
