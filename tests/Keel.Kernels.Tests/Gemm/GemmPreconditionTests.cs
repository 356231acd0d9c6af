using Keel.Kernels.Gemm;
using GemmKernel = Keel.Kernels.Gemm.Gemm;

namespace Keel.Kernels.Tests.Gemm;

/// <summary>Bad arguments and unsupported forced paths end with one clear exception.</summary>
public sealed class GemmPreconditionTests
{
    [Theory]
    [InlineData(-1, 2, 2, "m")]
    [InlineData(2, -1, 2, "k")]
    [InlineData(2, 2, -1, "n")]
    public void Negative_dimension_throws(int m, int k, int n, string name)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => GemmKernel.Multiply(new float[16], new float[16], new float[16], m, k, n));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Short_A_throws_naming_its_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => GemmKernel.Multiply(new float[5], new float[6], new float[4], 2, 3, 2, transposeA: true));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("A has 5 elements; [3, 2] needs 6", e.Message);
    }

    [Fact]
    public void Short_B_throws_naming_its_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => GemmKernel.Multiply(new float[6], new float[5], new float[4], 2, 3, 2, transposeB: true));
        Assert.Equal("b", e.ParamName);
        Assert.Contains("B has 5 elements; [2, 3] needs 6", e.Message);
    }

    [Fact]
    public void Short_C_throws_naming_its_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => GemmKernel.Multiply(new float[6], new float[6], new float[3], 2, 3, 2));
        Assert.Equal("c", e.ParamName);
        Assert.Contains("C has 3 elements; [2, 2] needs 4", e.Message);
    }

    [Fact]
    public void Auto_picks_the_widest_fast_path()
    {
        Assert.Equal(GemmPath.Avx512, GemmPaths.Resolve(GemmPath.Auto, new CpuFeatures(true, true, true)));
        Assert.Equal(GemmPath.Avx2, GemmPaths.Resolve(GemmPath.Auto, new CpuFeatures(true, false, true)));
        Assert.Equal(GemmPath.Avx2, GemmPaths.Resolve(GemmPath.Auto, new CpuFeatures(false, false, true)));
        Assert.Equal(GemmPath.Portable, GemmPaths.Resolve(GemmPath.Auto, new CpuFeatures(false, false, false)));
    }

    [Fact]
    public void Forcing_an_unsupported_path_throws_not_supported()
    {
        var none = new CpuFeatures(false, false, false);
        var e512 = Assert.Throws<NotSupportedException>(() => GemmPaths.Resolve(GemmPath.Avx512, none));
        Assert.Contains("AVX-512F", e512.Message);
        var e2 = Assert.Throws<NotSupportedException>(() => GemmPaths.Resolve(GemmPath.Avx2, none));
        Assert.Contains("AVX2", e2.Message);
        Assert.Equal(GemmPath.Portable, GemmPaths.Resolve(GemmPath.Portable, none));
        Assert.Equal(GemmPath.Avx512, GemmPaths.Resolve(GemmPath.Avx512, new CpuFeatures(true, false, false)));
    }
}
