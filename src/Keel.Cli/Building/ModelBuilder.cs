using Keel.Cli.Config;
using Keel.Nn;
using Keel.Tensors;

namespace Keel.Cli.Building;

/// <summary>
/// Builds the <c>model:</c> list into a <see cref="Sequential"/> (children <c>layers.0</c>, …),
/// inferring each layer's input size from the shape the previous layer gives, so a config names
/// only output sizes. A size that cannot fit ends with an error naming the layer and both shapes.
/// </summary>
internal static class ModelBuilder
{
    /// <summary>Builds the model for examples of shape <paramref name="exampleShape"/> (without the batch axis).</summary>
    public static Sequential Build(ConfigNode model, Shape exampleShape, int? vocabularySize, Generator generator)
    {
        var items = model.Items();
        if (items.Count == 0) throw model.Error("a model needs at least one layer");
        var layers = new List<Module>();
        var shape = exampleShape.Dims.ToArray();
        foreach (var item in items)
        {
            var (kind, body) = item.Tagged();
            try
            {
                layers.Add(Layer(kind, body, ref shape, vocabularySize, generator, item));
            }
            catch (ArgumentException e)
            {
                throw item.Error(e);
            }
            body.RejectUnknownKeys();
        }
        return new Sequential([.. layers]);
    }

    private static Module Layer(string kind, ConfigNode body, ref int[] shape, int? vocabularySize, Generator generator, ConfigNode item)
    {
        switch (kind)
        {
            case "embedding":
            {
                int vocab = body.Int("vocab"), dim = body.Int("dim");
                if (vocabularySize is { } size && vocab < size)
                    throw item.Error($"vocab {vocab} is smaller than the data's vocabulary of {size} characters");
                shape = [.. shape, dim];
                return new Embedding(vocab, dim, InitializerBuilder.Build(body["init"]), generator);
            }
            case "flatten":
                shape = [shape.Aggregate(1, (a, b) => a * b)];
                return new Flatten();
            case "flatten_consecutive":
            {
                int n = body.Int("n");
                if (shape.Length is not (1 or 2) || shape[0] % n != 0)
                    throw item.Error($"cannot group the input {Format(shape)} into consecutive groups of {n}");
                int t = shape[0], c = shape.Length == 2 ? shape[1] : 1;
                shape = t == n ? [c * n] : [t / n, c * n];
                return new FlattenConsecutive(n);
            }
            case "linear":
            {
                int inputs = Last(shape, item);
                if (body.Has("in") && body.Int("in") != inputs)
                    throw item.Error($"linear expects {body.Int("in")} inputs but the previous layer gives {Format(shape)}");
                int outputs = body.Int("out");
                var layer = new Linear(inputs, outputs, body.Bool("bias", true), InitializerBuilder.Build(body["init"]), InitializerBuilder.Build(body["bias_init"]), generator);
                shape[^1] = outputs;
                return layer;
            }
            case "batchnorm1d":
            {
                float? keras = body.Has("keras_momentum") ? body.Float("keras_momentum") : null;
                return new BatchNorm1d(Last(shape, item), body.Float("eps", 1e-5f), body.Float("momentum", 0.1f), body.Bool("affine", true), kerasMomentum: keras);
            }
            case "layernorm":
                return new LayerNorm(Last(shape, item), body.Float("eps", 1e-5f), body.Bool("affine", true));
            case "dropout":
                return new Dropout(body.Float("p", 0.5f), generator);
            default:
                return Activations.Build(kind, body) ?? throw item.Error($"unknown layer '{kind}'");
        }
    }

    private static int Last(int[] shape, ConfigNode item)
        => shape.Length > 0 ? shape[^1] : throw item.Error("this layer needs an input with at least one axis");

    private static string Format(int[] shape) => Keel.Kernels.Broadcasting.BroadcastPlan.Format(shape);
}
