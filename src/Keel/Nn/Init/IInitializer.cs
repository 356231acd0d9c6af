using Keel.Tensors;

namespace Keel.Nn;

/// <summary>Fills a new parameter with starting values, like the functions in <c>torch.nn.init</c> or a Keras initializer.</summary>
/// <remarks>Build them with <see cref="Initializers"/>; every layer with weights takes one.</remarks>
public interface IInitializer
{
    /// <summary>Overwrites <paramref name="tensor"/>'s values.</summary>
    /// <param name="tensor">The tensor to fill.</param>
    /// <param name="fans">The fan-in and fan-out of the layer that owns it (for variance scaling).</param>
    /// <param name="generator">The source of randomness (unused by constant initializers).</param>
    void Fill(Tensor tensor, Fans fans, Generator generator);
}
