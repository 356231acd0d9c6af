namespace Keel.Kernels.Gemm;

/// <summary>
/// Splits a packed product into a grid of rectangles of C, one per thread, and runs them with
/// <see cref="GemmBlocked"/>: rows in multiples of <c>mr</c>, columns in multiples of <c>nr</c>,
/// never k. Each thread packs its own blocks into its own scratch.
/// </summary>
/// <remarks>
/// Because k is never split and the k blocking is fixed by the kernel, every element of C is the
/// same sum in the same order for any thread count: results are bit-identical with 1 or N threads.
/// The grid <c>rows × cols = threads</c> is the one that minimizes what each thread packs
/// (<c>m/rows + n/cols</c>); products too small to repay a thread hand-off use fewer threads.
/// </remarks>
internal static class GemmThreading
{
    /// <summary>Multiply-adds below which another thread is not worth waking.</summary>
    internal const long MultiplyAddsPerThread = 1L << 20;

    /// <summary>Runs the product on up to <paramref name="threads"/> threads (the caller included).</summary>
    public static void Run(GemmProblem g, MicroKernel kernel, int threads)
    {
        int rowUnits = (g.M + kernel.Mr - 1) / kernel.Mr, colUnits = (g.N + kernel.Nr - 1) / kernel.Nr;
        long byWork = Math.Max(1, g.MultiplyAdds / MultiplyAddsPerThread);
        threads = (int)Math.Min(Math.Min(threads, byWork), (long)rowUnits * colUnits);
        if (threads <= 1)
        {
            GemmBlocked.Run(g, kernel, 0, g.M, 0, g.N);
            return;
        }

        (int gridRows, int gridCols) = ChooseGrid(threads, g.M, g.N, rowUnits, colUnits);
        Parallel.For(0, gridRows * gridCols, new ParallelOptions { MaxDegreeOfParallelism = gridRows * gridCols }, t =>
        {
            (int i0, int i1) = Share(t / gridCols, gridRows, rowUnits, kernel.Mr, g.M);
            (int j0, int j1) = Share(t % gridCols, gridCols, colUnits, kernel.Nr, g.N);
            if (i0 < i1 && j0 < j1) GemmBlocked.Run(g, kernel, i0, i1, j0, j1);
        });
    }

    /// <summary>The factorization <c>rows × cols</c> of the thread count with the least packing per thread.</summary>
    internal static (int Rows, int Cols) ChooseGrid(int threads, int m, int n, int rowUnits, int colUnits)
    {
        (int Rows, int Cols) best = (0, 0);
        double bestCost = double.MaxValue;
        for (int rows = 1; rows <= threads; rows++)
        {
            if (threads % rows != 0) continue;
            int cols = threads / rows;
            if (rows > rowUnits || cols > colUnits) continue;
            double cost = (double)m / rows + (double)n / cols;
            if (cost < bestCost)
            {
                bestCost = cost;
                best = (rows, cols);
            }
        }
        return best.Rows > 0 ? best : (rowUnits >= colUnits ? (Math.Min(threads, rowUnits), 1) : (1, Math.Min(threads, colUnits)));
    }

    /// <summary>Part <paramref name="index"/> of <paramref name="parts"/> near-equal runs of whole units.</summary>
    internal static (int Start, int End) Share(int index, int parts, int units, int unitSize, int length)
    {
        long start = (long)units * index / parts * unitSize, end = (long)units * (index + 1) / parts * unitSize;
        return ((int)Math.Min(start, length), (int)Math.Min(end, length));
    }
}
