using System.Text;
using Keel.Tensors;

namespace Keel.Nn;

/// <summary>What <see cref="Module.LoadStateDict"/> found: names the module has that the state lacks, and the reverse.</summary>
/// <param name="MissingKeys">In the module, not in the state (left unchanged).</param>
/// <param name="UnexpectedKeys">In the state, not in the module (ignored).</param>
public sealed record StateDictLoadResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);

/// <summary>
/// Loading a state dict, with PyTorch's <c>load_state_dict</c> rules: every tensor of the module
/// whose name is in the state gets a copy of its values; with <c>strict</c>, a missing or
/// unexpected name is an error; a shape mismatch is always an error. Errors are all collected
/// into one message, and when there is one nothing is copied.
/// </summary>
internal static class StateDictLoader
{
    public static StateDictLoadResult Load(Module module, IReadOnlyDictionary<string, Tensor> state, bool strict)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = module.StateDict();
        var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var mismatched = own.Where(kv => state.TryGetValue(kv.Key, out var given) && given.Shape != kv.Value.Shape)
                            .Select(kv => (kv.Key, Given: state[kv.Key].Shape, Expected: kv.Value.Shape))
                            .ToList();

        var errors = new StringBuilder();
        if (strict && missing.Count > 0) errors.Append($"\n  missing: {Quote(missing)}");
        if (strict && unexpected.Count > 0) errors.Append($"\n  unexpected: {Quote(unexpected)}");
        foreach (var (name, given, expected) in mismatched)
            errors.Append($"\n  size mismatch for \"{name}\": the state dict has shape {given}, the model has shape {expected}");
        if (errors.Length > 0)
            throw new ArgumentException($"cannot load the state dict into {module.GetType().Name}:{errors}");

        foreach (var (name, target) in own)
        {
            if (state.TryGetValue(name, out var source)) source.Data.CopyTo(target.Data);
        }
        return new StateDictLoadResult(missing, unexpected);
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));
}
