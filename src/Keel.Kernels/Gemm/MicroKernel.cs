namespace Keel.Kernels.Gemm;

/// <summary>
/// A resolved micro-kernel with its tile (<see cref="Mr"/>×<see cref="Nr"/>) and the cache
/// blocking around it: <see cref="Kc"/> (depth of one packed block, sized so a <c>kc × nr</c> B
/// panel stays in L1), <see cref="Mc"/> (rows of the packed A block kept in L2) and
/// <see cref="Nc"/> (columns of the packed B block kept in L3).
/// </summary>
/// <remarks>
/// The blocking depends only on the path, never on the thread count, so every element of C is
/// summed over the same k blocks in the same order however C is divided between threads.
/// The AVX2 blocking (kc 512, mc 72) was chosen by measurement on a Zen 2 core (32 KiB L1,
/// 512 KiB L2): the deeper k block halves the reads and writes of C per multiply-add and ran
/// 1024³ products about 10 % faster than kc 256 with mc 168.
/// </remarks>
internal readonly record struct MicroKernel(GemmPath Path, int Mr, int Nr, int Kc, int Mc, int Nc)
{
    /// <summary>The kernel and blocking of a supported, resolved path.</summary>
    public static MicroKernel For(GemmPath path) => path switch
    {
        GemmPath.Avx512 => new(path, MicroKernelAvx512.Mr, MicroKernelAvx512.Nr, Kc: 256, Mc: 192, Nc: 3072),
        GemmPath.Avx2 => new(path, MicroKernelAvx2.Mr, MicroKernelAvx2.Nr, Kc: 512, Mc: 72, Nc: 3072),
        GemmPath.Portable => new(path, MicroKernelPortable.Mr, MicroKernelPortable.Nr, Kc: 256, Mc: 128, Nc: 3072),
        _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Resolve the path before choosing a kernel."),
    };

    /// <summary>
    /// Runs the kernel on one tile whose <see cref="Mr"/> rows of A sit side by side for each k
    /// (<c>a[p·aStride + r] = op(A)[r, p]</c>: a packed panel, or a transposed A in place), with B row
    /// p at <c>b + p·bStride</c>: the same sums as <see cref="Run"/> with rowStride 1 and kStride
    /// <c>aStride</c>, on the kernel's fastest loop for that layout. All <see cref="Mr"/> rows are read.
    /// </summary>
    public unsafe void RunAdjacentRows(float* a, nint aStride, float* b, nint bStride, int kc, float* c, nint ldc, int rows, int cols, bool add)
    {
        if (Path == GemmPath.Avx2) MicroKernelAvx2.RunAdjacentRows(a, aStride, b, bStride, kc, c, ldc, rows, cols, add);
        else Run(a, 1, aStride, b, bStride, kc, c, ldc, rows, cols, add);
    }

    /// <summary>Whether the kernel has a row-pair strip (<see cref="MicroKernelAvx2.RunRowPair"/>) for the last one or two rows.</summary>
    public bool HasRowPairs => Path == GemmPath.Avx2;

    /// <summary>Runs <see cref="MicroKernelAvx2.RunRowPair"/>; only where <see cref="HasRowPairs"/>.</summary>
    public unsafe void RunRowPair(float* a, nint rowStride, nint kStride, float* b, nint bStride, nint panelStride, int panels,
        int kc, float* c, nint ldc, int rows, int cols, bool add)
        => MicroKernelAvx2.RunRowPair(a, rowStride, kStride, b, bStride, panelStride, panels, kc, c, ldc, rows, cols, add);

    /// <summary>Whether the kernel reads a B panel narrower than <see cref="Nr"/> without padding.</summary>
    public bool ReadsPartialPanels => Path == GemmPath.Avx512;

    /// <summary>Runs the kernel on one tile (operands as in <see cref="MicroKernelAvx512.Run"/>).</summary>
    public unsafe void Run(float* a, nint rowStride, nint kStride, float* b, nint bStride, int kc,
        float* c, nint ldc, int rows, int cols, bool add)
    {
        switch (Path)
        {
            case GemmPath.Avx512:
                MicroKernelAvx512.Run(a, rowStride, kStride, b, bStride, kc, c, ldc, rows, cols, add);
                break;
            case GemmPath.Avx2:
                MicroKernelAvx2.Run(a, rowStride, kStride, b, bStride, kc, c, ldc, rows, cols, add);
                break;
            default:
                MicroKernelPortable.Run(a, rowStride, kStride, b, bStride, kc, c, ldc, rows, cols, add);
                break;
        }
    }
}
