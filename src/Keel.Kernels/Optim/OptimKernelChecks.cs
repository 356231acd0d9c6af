namespace Keel.Kernels.Optim;

/// <summary>Precondition checks shared by the optimizer kernels.</summary>
internal static class OptimKernelChecks
{
    /// <summary>Throws unless <paramref name="other"/> has the parameter's length.</summary>
    public static void SameLength(ReadOnlySpan<float> parameter, ReadOnlySpan<float> other, string name)
    {
        if (other.Length != parameter.Length)
            throw new ArgumentException($"{name} has {other.Length} elements; the parameter has {parameter.Length}", name);
    }
}
