namespace Keel.Kernels.Gemm;

/// <summary>
/// The packed, cache-blocked product over one rectangle of C (the five loops of Goto and van de
/// Geijn, 2008): columns in blocks of <c>nc</c>, k in blocks of <c>kc</c> (B block packed), rows in
/// blocks of <c>mc</c> (A block packed), then <c>nr</c>-column and <c>mr</c>-row micro-tiles.
/// </summary>
/// <remarks>
/// The first k block writes <c>C = acc</c> (or <c>C += acc</c> when accumulating) and later blocks
/// add, so an element's sum is <c>(…((c₀ + acc₀) + acc₁) …)</c> over k blocks fixed by the path:
/// the same for whichever rectangle, thread or tile holds the element.
/// </remarks>
internal static unsafe class GemmBlocked
{
    /// <summary>Computes rows <c>[i0, i1)</c> and columns <c>[j0, j1)</c> of C on the calling thread.</summary>
    public static void Run(in GemmProblem g, MicroKernel kernel, int i0, int i1, int j0, int j1)
    {
        int mr = kernel.Mr, nr = kernel.Nr, n = g.N;
        int ncMax = Math.Min(kernel.Nc, j1 - j0);
        float* bPack = PackBuffers.ForB((long)kernel.Kc * (ncMax + nr));
        float* aPack = PackBuffers.ForA((long)kernel.Kc * (Math.Min(kernel.Mc, i1 - i0) + mr));
        for (int jc = j0; jc < j1; jc += kernel.Nc)
        {
            int nc = Math.Min(kernel.Nc, j1 - jc);
            for (int pc = 0; pc < g.K; pc += kernel.Kc)
            {
                int kc = Math.Min(kernel.Kc, g.K - pc);
                bool add = g.Accumulate || pc > 0;
                Packing.PackB(g.B, g.K, n, g.TransposeB, pc, kc, jc, nc, nr, bPack);
                for (int ic = i0; ic < i1; ic += kernel.Mc)
                {
                    int mc = Math.Min(kernel.Mc, i1 - ic);
                    Packing.PackA(g.A, g.M, g.K, g.TransposeA, ic, mc, pc, kc, mr, aPack);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        float* b = bPack + (nint)jr * kc;
                        int cols = Math.Min(nr, nc - jr);
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            kernel.RunAdjacentRows(aPack + (nint)ir * kc, mr, b, nr, kc,
                                g.C + (nint)(ic + ir) * n + jc + jr, n, Math.Min(mr, mc - ir), cols, add);
                        }
                    }
                }
            }
        }
    }
}
