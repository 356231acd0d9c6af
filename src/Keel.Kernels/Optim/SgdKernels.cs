using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Keel.Kernels.Threading;

namespace Keel.Kernels.Optim;

/// <summary>The per-element update of stochastic gradient descent with PyTorch's rule.</summary>
public static class SgdKernels
{
    /// <summary>
    /// One SGD step, effectively:
    /// <code>
    /// d ← g + λ·θ
    /// b ← d                       (first step)      b ← μ·b + (1 − τ)·d   (later steps)
    /// d ← d + μ·b  (Nesterov)     d ← b             (otherwise, when μ ≠ 0)
    /// θ ← θ − lr·d
    /// </code>
    /// </summary>
    /// <param name="parameter">θ, updated in place.</param>
    /// <param name="gradient">g.</param>
    /// <param name="momentumBuffer">b, updated in place; empty when μ = 0.</param>
    /// <param name="learningRate">lr.</param>
    /// <param name="momentum">μ.</param>
    /// <param name="dampening">τ.</param>
    /// <param name="weightDecay">λ (coupled: added to the gradient).</param>
    /// <param name="nesterov">Use the Nesterov form.</param>
    /// <param name="firstStep">True when the momentum buffer holds no history yet.</param>
    public static void Step(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> momentumBuffer,
        float learningRate, float momentum, float dampening, float weightDecay, bool nesterov, bool firstStep)
    {
        OptimKernelChecks.SameLength(parameter, gradient, nameof(gradient));
        if (momentum != 0f) OptimKernelChecks.SameLength(parameter, momentumBuffer, nameof(momentumBuffer));
        int chunks = ParallelChunks.ChunksFor(parameter.Length);
        if (chunks > 1) StepInChunks(parameter, gradient, momentumBuffer, learningRate, momentum, dampening, weightDecay, nesterov, firstStep, chunks);
        else StepRange(parameter, gradient, momentumBuffer, learningRate, momentum, dampening, weightDecay, nesterov, firstStep);
    }

    // Apart from Step so that the closure is only allocated when threads are used.
    private static unsafe void StepInChunks(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> momentumBuffer,
        float learningRate, float momentum, float dampening, float weightDecay, bool nesterov, bool firstStep, int chunks)
    {
        // Vector lanes and the scalar tail agree bit for bit, so the split changes nothing.
        fixed (float* pp = parameter, pg = gradient, pb = momentumBuffer)
        {
            nint pAt = (nint)pp, gAt = (nint)pg, bAt = (nint)pb;
            bool hasBuffer = !momentumBuffer.IsEmpty;
            ParallelChunks.Run(parameter.Length, chunks, (start, end) => StepRange(
                new Span<float>((float*)pAt + start, end - start), new ReadOnlySpan<float>((float*)gAt + start, end - start),
                hasBuffer ? new Span<float>((float*)bAt + start, end - start) : [],
                learningRate, momentum, dampening, weightDecay, nesterov, firstStep));
        }
    }

    private static void StepRange(
        Span<float> parameter, ReadOnlySpan<float> gradient, Span<float> momentumBuffer,
        float learningRate, float momentum, float dampening, float weightDecay, bool nesterov, bool firstStep)
    {
        float keep = 1f - dampening;
        ref float p = ref MemoryMarshal.GetReference(parameter);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        ref float buffer = ref MemoryMarshal.GetReference(momentumBuffer);
        nuint length = (nuint)parameter.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            // The same operations in the same order as the scalar tail, lane by lane, so both agree bit for bit.
            for (nuint width = (nuint)Vector<float>.Count; i + width <= length; i += width)
            {
                var pv = Vector.LoadUnsafe(ref p, i);
                var d = Vector.LoadUnsafe(ref g, i);
                if (weightDecay != 0f) d += weightDecay * pv;
                if (momentum != 0f)
                {
                    var b = firstStep ? d : momentum * Vector.LoadUnsafe(ref buffer, i) + keep * d;
                    b.StoreUnsafe(ref buffer, i);
                    d = nesterov ? d + momentum * b : b;
                }
                (pv - learningRate * d).StoreUnsafe(ref p, i);
            }
        }
        for (; i < length; i++)
        {
            float d = Unsafe.Add(ref g, i);
            if (weightDecay != 0f) d += weightDecay * Unsafe.Add(ref p, i);
            if (momentum != 0f)
            {
                float b = firstStep ? d : momentum * Unsafe.Add(ref buffer, i) + keep * d;
                Unsafe.Add(ref buffer, i) = b;
                d = nesterov ? d + momentum * b : b;
            }
            Unsafe.Add(ref p, i) -= learningRate * d;
        }
    }
}
