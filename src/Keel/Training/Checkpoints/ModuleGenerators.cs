using Keel.Nn;
using Keel.Tensors;

namespace Keel.Training.Checkpoints;

/// <summary>The random-number generators that a model's layers draw from during training (dropout masks).</summary>
internal static class ModuleGenerators
{
    /// <summary>Each layer's generator with the layer's dotted path, depth first.</summary>
    public static IEnumerable<(string Path, Generator Generator)> Of(Module model, string path = "")
    {
        if (model is Dropout dropout) yield return (path.Length == 0 ? "root" : path, dropout.Generator);
        foreach (var (name, child) in model.NamedChildren())
        {
            foreach (var entry in Of(child, path.Length == 0 ? name : $"{path}.{name}")) yield return entry;
        }
    }
}
