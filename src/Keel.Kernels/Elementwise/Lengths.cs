namespace Keel.Kernels.Elementwise;

/// <summary>The precondition every elementwise kernel shares: all spans have one length.</summary>
internal static class Lengths
{
    /// <summary>Throws naming the kernel and the lengths unless they are equal.</summary>
    public static void Check(string kernel, int a, int b)
    {
        if (a != b) throw new ArgumentException($"{kernel}: lengths {a} and {b} differ");
    }

    /// <inheritdoc cref="Check(string, int, int)"/>
    public static void Check(string kernel, int a, int b, int c)
    {
        if (a != b || a != c) throw new ArgumentException($"{kernel}: lengths {a}, {b} and {c} differ");
    }
}
