using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Keel.Cli.Config;

/// <summary>
/// A read-only view of one YAML node that knows its key path (<c>optimizer.sgd.lr</c>), converts
/// values with errors that name the file and the path, and remembers which keys were read so that
/// <see cref="RejectUnknownKeys"/> can name a misspelt one.
/// </summary>
/// <remarks>
/// A default that a reader applies for an absent key is written into the tree, so that
/// <see cref="ToYaml"/> gives the config as resolved: what the run really used.
/// </remarks>
public sealed class ConfigNode
{
    private readonly ConfigNode? _parent;
    private readonly string? _key;
    private readonly HashSet<string> _read = [];
    private YamlNode? _node;

    private ConfigNode(string file, string path, YamlNode? node, ConfigNode? parent = null, string? key = null)
    {
        File = file;
        Path = path;
        _node = node;
        _parent = parent;
        _key = key;
    }

    /// <summary>The file the node came from.</summary>
    public string File { get; }

    /// <summary>The dotted key path of this node (empty at the root; list items as <c>model[2]</c>).</summary>
    public string Path { get; }

    /// <summary>True when the key is absent or its value is <c>null</c> / <c>~</c>.</summary>
    public bool IsNull => _node is null || (_node is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is null or "null" or "~" or "");

    /// <summary>True when the node is a mapping.</summary>
    public bool IsMapping => _node is YamlMappingNode;

    /// <summary>True when the node is a sequence.</summary>
    public bool IsSequence => _node is YamlSequenceNode;

    /// <summary>Parses YAML text; syntax errors name the file, line and column.</summary>
    public static ConfigNode Parse(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ConfigException($"{file}: line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet reports some unterminated structures without a position.
            throw new ConfigException($"{file}: not valid YAML (an unclosed bracket or quote?)");
        }
        return new ConfigNode(file, "", stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode);
    }

    /// <summary>Whether this mapping has the key (with any value, null included).</summary>
    public bool Has(string key) => Mapping().Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>The child under <paramref name="key"/> (a null node when absent), marking the key as read.</summary>
    public ConfigNode this[string key]
    {
        get
        {
            var mapping = Mapping();
            _read.Add(key);
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var child);
            return new ConfigNode(File, Join(key), child, this, key);
        }
    }

    /// <summary>The keys of this mapping in file order.</summary>
    public IReadOnlyList<string> Keys => Mapping().Children.Keys.Select(k => ((YamlScalarNode)k).Value ?? "").ToList();

    /// <summary>The items of this sequence.</summary>
    public IReadOnlyList<ConfigNode> Items()
    {
        if (IsNull) return [];
        if (_node is not YamlSequenceNode sequence) throw Error("expected a list");
        return sequence.Children.Select((child, i) => new ConfigNode(File, $"{Path}[{i}]", child)).ToList();
    }

    /// <summary>
    /// For a tagged value like <c>{sgd: {lr: 0.1}}</c>: the single key and its body.
    /// A bare string (<c>tanh</c>) is a tag with an empty body.
    /// </summary>
    public (string Tag, ConfigNode Body) Tagged()
    {
        if (_node is YamlScalarNode scalar && scalar.Value is { Length: > 0 } name)
            return (name, new ConfigNode(File, Join(name), null));
        var keys = Keys;
        if (keys.Count != 1) throw Error($"expected exactly one key naming the kind, found {(keys.Count == 0 ? "none" : string.Join(", ", keys))}");
        return (keys[0], this[keys[0]]);
    }

    /// <summary>A number; <paramref name="fallback"/> when absent.</summary>
    public float Float(string key, float fallback) => this[key] is { IsNull: false } n ? n.AsFloat() : Resolve(key, fallback);

    /// <summary>A required number.</summary>
    public float Float(string key) => Required(key).AsFloat();

    /// <summary>
    /// A number in double precision; <paramref name="fallback"/> when absent. For values that
    /// multiply large counts, such as split fractions: 0.9 read as float is 0.89999998, which
    /// would take 53,999 of 60,000 examples.
    /// </summary>
    public double Double(string key, double fallback) => this[key] is { IsNull: false } n ? n.AsDouble() : Resolve(key, fallback);

    /// <summary>A whole number; <paramref name="fallback"/> when absent.</summary>
    public long Long(string key, long fallback) => this[key] is { IsNull: false } n ? n.AsLong() : Resolve(key, fallback);

    /// <summary>A whole number that fits an int; <paramref name="fallback"/> when absent.</summary>
    public int Int(string key, int fallback) => this[key] is { IsNull: false } n ? n.AsInt() : Resolve(key, fallback);

    /// <summary>A required whole number that fits an int.</summary>
    public int Int(string key) => Required(key).AsInt();

    /// <summary>true or false; <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string key, bool fallback) => this[key] is { IsNull: false } n ? n.AsBool() : Resolve(key, fallback);

    /// <summary>A string; <paramref name="fallback"/> when absent.</summary>
    public string? String(string key, string? fallback) => this[key] is { IsNull: false } n ? n.AsString() : fallback is null ? null : Resolve(key, fallback);

    /// <summary>A required string.</summary>
    public string String(string key) => Required(key).AsString();

    /// <summary>This node as a number.</summary>
    public float AsFloat()
    {
        var text = AsString();
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
            throw Error($"expected a number, got '{text}'");
        return value;
    }

    /// <summary>This node as a number in double precision.</summary>
    public double AsDouble()
    {
        var text = AsString();
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Error($"expected a number, got '{text}'");
        return value;
    }

    /// <summary>This node as a whole number.</summary>
    public long AsLong()
    {
        var text = AsString().Replace("_", "", StringComparison.Ordinal);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15) return (long)d;
        throw Error($"expected a whole number, got '{AsString()}'");
    }

    /// <summary>This node as a whole number that fits an int.</summary>
    public int AsInt()
    {
        long value = AsLong();
        if (value is < int.MinValue or > int.MaxValue) throw Error($"{value} is too large");
        return (int)value;
    }

    /// <summary>This node as true or false.</summary>
    public bool AsBool() => AsString() switch
    {
        "true" or "True" or "yes" => true,
        "false" or "False" or "no" => false,
        var other => throw Error($"expected true or false, got '{other}'"),
    };

    /// <summary>This node as a string.</summary>
    public string AsString()
    {
        if (_node is YamlScalarNode { Value: { } value }) return value;
        throw Error(_node is null ? "a value is required" : "expected a single value, not a list or mapping");
    }

    /// <summary>A list of numbers.</summary>
    public IReadOnlyList<float> FloatList(string key) => this[key].Items().Select(i => i.AsFloat()).ToList();

    /// <summary>A list of whole numbers.</summary>
    public IReadOnlyList<long> LongList(string key) => this[key].Items().Select(i => i.AsLong()).ToList();

    /// <summary>Throws naming the first key of this mapping that nothing read (a typo, or an option Keel does not have).</summary>
    public void RejectUnknownKeys()
    {
        if (_node is not YamlMappingNode) return;
        foreach (var key in Keys)
        {
            if (!_read.Contains(key)) throw new ConfigException($"{File}: unknown key '{Join(key)}'");
        }
    }

    /// <summary>
    /// Sets a value at a dotted path below this node (used for overrides such as tuning's
    /// suggestions); a number indexes a list, so <c>model.2.linear.out</c> is the third layer's
    /// <c>out</c>. Missing mapping keys on the way are created; a missing list item is an error.
    /// </summary>
    public void Set(string dottedPath, string value)
    {
        var parts = dottedPath.Split('.');
        var node = this;
        foreach (var part in parts[..^1]) node = node.Child(part);
        if (node._node is YamlSequenceNode sequence) sequence.Children[node.Index(parts[^1], sequence)] = new YamlScalarNode(value);
        else node.Write(parts[^1], new YamlScalarNode(value));
    }

    /// <summary>The node at a dotted path (numbers index lists), or null when a part is absent. Marks no key as read.</summary>
    public ConfigNode? Find(string dottedPath)
    {
        var node = this;
        foreach (var part in dottedPath.Split('.'))
        {
            if (node._node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(part), out var child))
                node = new ConfigNode(File, node.Join(part), child, node, part);
            else if (node._node is YamlSequenceNode sequence && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < sequence.Children.Count)
                node = new ConfigNode(File, $"{node.Path}[{i}]", sequence.Children[i]);
            else
                return null;
        }
        return node;
    }

    /// <summary>Removes <paramref name="key"/> from this mapping; returns whether it was there.</summary>
    public bool Remove(string key) => _node is YamlMappingNode mapping && mapping.Children.Remove(new YamlScalarNode(key));

    /// <summary>The tree as YAML text, defaults applied so far included.</summary>
    public string ToYaml()
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        var document = new YamlDocument(_node ?? new YamlMappingNode());
        new YamlStream(document).Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    /// <summary>An error naming the file and this node's path, with the message of a library's exception.</summary>
    public ConfigException Error(Exception e) => Error(UserMessage(e));

    /// <summary>
    /// An exception's message as one line for a user: the first line only, without .NET's
    /// <c>(Parameter 'name')</c> suffix.
    /// </summary>
    public static string UserMessage(Exception e)
    {
        var message = e.Message.Split('\n')[0].TrimEnd();
        int suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix > 0 ? message[..suffix] : message;
    }

    /// <summary>An error naming the file and this node's path.</summary>
    public ConfigException Error(string message) => new($"{File}: {(Path.Length == 0 ? "" : Path + ": ")}{message}");

    private T Resolve<T>(string key, T value) where T : notnull
    {
        var text = value switch
        {
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        Write(key, new YamlScalarNode(text));
        return value;
    }

    private void Write(string key, YamlNode value)
    {
        if (_node is not YamlMappingNode mapping)
        {
            if (_node is not null && !IsNull) throw Error("expected a mapping of keys to values");
            mapping = new YamlMappingNode();
            _node = mapping;
            _parent?.Write(_key ?? "", mapping);
        }
        mapping.Children[new YamlScalarNode(key)] = value;
    }

    private ConfigNode Required(string key)
    {
        var child = this[key];
        if (child.IsNull) throw new ConfigException($"{File}: {Join(key)}: a value is required");
        return child;
    }

    private ConfigNode Child(string part) => _node is YamlSequenceNode sequence
        ? new ConfigNode(File, $"{Path}[{part}]", sequence.Children[Index(part, sequence)])
        : this[part];

    private int Index(string part, YamlSequenceNode sequence)
    {
        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int i) || i >= sequence.Children.Count)
            throw Error($"'{part}' is not an index of this list of {sequence.Children.Count} items");
        return i;
    }

    private YamlMappingNode Mapping() => _node switch
    {
        YamlMappingNode mapping => mapping,
        null => new YamlMappingNode(),
        YamlScalarNode { Value: null or "" or "null" or "~" } => new YamlMappingNode(),
        _ => throw Error("expected a mapping of keys to values"),
    };

    private string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";
}
