using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Keel.Kernels.Gemm;

/// <summary>Which micro-kernel family a product runs on.</summary>
/// <remarks>
/// <see cref="Auto"/> picks the widest one the processor runs well: AVX-512 when
/// <see cref="Vector512.IsHardwareAccelerated"/>, else AVX2 with FMA, else the portable
/// <see cref="System.Numerics.Vector{T}"/> kernel. Tests force each path to check them all.
/// </remarks>
internal enum GemmPath
{
    /// <summary>The fastest supported path.</summary>
    Auto,

    /// <summary><see cref="MicroKernelAvx512"/> (needs AVX-512F).</summary>
    Avx512,

    /// <summary><see cref="MicroKernelAvx2"/> (needs AVX2 and FMA).</summary>
    Avx2,

    /// <summary><see cref="MicroKernelPortable"/> (any processor).</summary>
    Portable,
}

/// <summary>What the processor supports, as seen by <see cref="GemmPaths.Resolve"/>.</summary>
internal readonly record struct CpuFeatures(bool Avx512, bool Avx512Fast, bool Avx2Fma)
{
    /// <summary>The features of the processor this process runs on.</summary>
    public static CpuFeatures Current { get; } = new(
        Avx512F.IsSupported,
        Avx512F.IsSupported && Vector512.IsHardwareAccelerated,
        Avx2.IsSupported && Fma.IsSupported);
}

/// <summary>Turns a requested <see cref="GemmPath"/> into the one that runs.</summary>
internal static class GemmPaths
{
    /// <summary>
    /// <see cref="GemmPath.Auto"/> becomes the fastest supported path; a forced path is returned
    /// as is when supported.
    /// </summary>
    /// <exception cref="NotSupportedException">The forced path needs instructions the processor lacks.</exception>
    public static GemmPath Resolve(GemmPath requested, CpuFeatures cpu) => requested switch
    {
        GemmPath.Auto => cpu.Avx512Fast ? GemmPath.Avx512 : cpu.Avx2Fma ? GemmPath.Avx2 : GemmPath.Portable,
        GemmPath.Avx512 when !cpu.Avx512 => throw new NotSupportedException(
            "GEMM path Avx512 was forced but this processor does not support AVX-512F; use GemmPath.Avx2, Portable or Auto."),
        GemmPath.Avx2 when !cpu.Avx2Fma => throw new NotSupportedException(
            "GEMM path Avx2 was forced but this processor does not support AVX2 with FMA; use GemmPath.Portable or Auto."),
        GemmPath.Avx512 or GemmPath.Avx2 or GemmPath.Portable => requested,
        _ => throw new ArgumentOutOfRangeException(nameof(requested), requested, "Unknown GEMM path."),
    };
}
