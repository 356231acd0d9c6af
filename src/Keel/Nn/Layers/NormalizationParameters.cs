using Keel.Tensors;

namespace Keel.Nn;

/// <summary>γ and β of a normalization layer: ones and zeros by default, so a new layer is a plain standardization.</summary>
internal static class NormalizationParameters
{
    /// <summary>Registers <c>weight</c> (γ) and <c>bias</c> (β) of <paramref name="shape"/> through <paramref name="register"/>.</summary>
    public static (Parameter Weight, Parameter Bias) Register(
        Func<string, Tensor, bool, Parameter> register, Shape shape,
        IInitializer? weightInit, IInitializer? biasInit, Generator? generator)
    {
        generator ??= new Generator(Initializers.DefaultSeed);
        var fans = Fans.Of(shape);
        var weight = register("weight", Initializers.Create(weightInit ?? Initializers.Ones(), shape, fans, generator), false);
        var bias = register("bias", Initializers.Create(biasInit ?? Initializers.Zeros(), shape, fans, generator), false);
        return (weight, bias);
    }
}
