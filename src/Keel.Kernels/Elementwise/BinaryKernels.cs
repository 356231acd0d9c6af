using System.Numerics.Tensors;
using Keel.Kernels.Broadcasting;

namespace Keel.Kernels.Elementwise;

/// <summary>The four arithmetic operations that broadcast.</summary>
public enum BinaryOperation
{
    /// <summary><c>a + b</c></summary>
    Add,

    /// <summary><c>a − b</c></summary>
    Subtract,

    /// <summary><c>a · b</c></summary>
    Multiply,

    /// <summary><c>a / b</c></summary>
    Divide,
}

/// <summary>Elementwise arithmetic with numpy broadcasting, vectorized along each inner run.</summary>
public static class BinaryKernels
{
    /// <summary><c>output[i] = a[i] ∘ b[i]</c> with both operands stretched by <paramref name="plan"/>.</summary>
    public static void Apply(BinaryOperation operation, BroadcastPlan plan, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> output)
    {
        int inner = plan.Inner;
        for (int r = 0; r < plan.Rows; r++)
        {
            var row = output.Slice(r * inner, inner);
            int offA = plan.AOffsets[r], offB = plan.BOffsets[r];
            switch (plan.AStride, plan.BStride)
            {
                case (1, 1): Vector(operation, a.Slice(offA, inner), b.Slice(offB, inner), row); break;
                case (1, 0): VectorScalar(operation, a.Slice(offA, inner), b[offB], row); break;
                case (0, 1): ScalarVector(operation, a[offA], b.Slice(offB, inner), row); break;
                default: row.Fill(Scalar(operation, a[offA], b[offB])); break;
            }
        }
    }

    /// <summary><c>output[i] = a[i] ∘ b[i]</c> on spans of equal length.</summary>
    public static void Vector(BinaryOperation operation, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> output)
    {
        switch (operation)
        {
            case BinaryOperation.Add: TensorPrimitives.Add(a, b, output); break;
            case BinaryOperation.Subtract: TensorPrimitives.Subtract(a, b, output); break;
            case BinaryOperation.Multiply: TensorPrimitives.Multiply(a, b, output); break;
            default: TensorPrimitives.Divide(a, b, output); break;
        }
    }

    /// <summary><c>output[i] = a[i] ∘ b</c>.</summary>
    public static void VectorScalar(BinaryOperation operation, ReadOnlySpan<float> a, float b, Span<float> output)
    {
        switch (operation)
        {
            case BinaryOperation.Add: TensorPrimitives.Add(a, b, output); break;
            case BinaryOperation.Subtract: TensorPrimitives.Subtract(a, b, output); break;
            case BinaryOperation.Multiply: TensorPrimitives.Multiply(a, b, output); break;
            default: TensorPrimitives.Divide(a, b, output); break;
        }
    }

    /// <summary><c>output[i] = a ∘ b[i]</c>.</summary>
    public static void ScalarVector(BinaryOperation operation, float a, ReadOnlySpan<float> b, Span<float> output)
    {
        switch (operation)
        {
            case BinaryOperation.Add: TensorPrimitives.Add(b, a, output); break;
            case BinaryOperation.Subtract: TensorPrimitives.Subtract(a, b, output); break;
            case BinaryOperation.Multiply: TensorPrimitives.Multiply(b, a, output); break;
            default: TensorPrimitives.Divide(a, b, output); break;
        }
    }

    private static float Scalar(BinaryOperation operation, float a, float b) => operation switch
    {
        BinaryOperation.Add => a + b,
        BinaryOperation.Subtract => a - b,
        BinaryOperation.Multiply => a * b,
        _ => a / b,
    };
}
