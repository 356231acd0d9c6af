namespace Keel.Data;

/// <summary>
/// The characters of a text dataset and their indices, as makemore builds them: the boundary
/// token <c>'.'</c> is index 0 and the other characters follow in ordinal order (so <c>names.txt</c>
/// gives 27 tokens: <c>'.'</c>, <c>'a'</c> … <c>'z'</c>).
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The token that marks the start and the end of a word.</summary>
    public const char Boundary = '.';

    private readonly char[] _characters;
    private readonly Dictionary<char, int> _indices = [];

    /// <summary>A vocabulary of <see cref="Boundary"/> and the distinct <paramref name="characters"/>, sorted.</summary>
    public Vocabulary(IEnumerable<char> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        var sorted = new SortedSet<char>(characters);
        sorted.Remove(Boundary);
        _characters = [Boundary, .. sorted];
        for (int i = 0; i < _characters.Length; i++) _indices[_characters[i]] = i;
    }

    /// <summary>Number of tokens, the boundary included.</summary>
    public int Size => _characters.Length;

    /// <summary>The tokens by index: <c>Characters[0]</c> is <see cref="Boundary"/>.</summary>
    public IReadOnlyList<char> Characters => _characters;

    /// <summary>The index of <paramref name="character"/>.</summary>
    /// <exception cref="ArgumentException">The character is not in the vocabulary.</exception>
    public int Encode(char character) => _indices.TryGetValue(character, out int index)
        ? index
        : throw new ArgumentException($"character '{character}' (U+{(int)character:X4}) is not in the vocabulary of {Size} tokens");

    /// <summary>The indices of the characters of <paramref name="text"/>.</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var indices = new int[text.Length];
        for (int i = 0; i < text.Length; i++) indices[i] = Encode(text[i]);
        return indices;
    }

    /// <summary>The character at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside <c>[0, Size)</c>.</exception>
    public char Decode(int index) => (uint)index < (uint)Size
        ? _characters[index]
        : throw new ArgumentOutOfRangeException(nameof(index), $"token index {index} is outside the vocabulary of {Size} tokens");

    /// <summary>The text spelled by <paramref name="indices"/>.</summary>
    public string Decode(IEnumerable<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        return new string(indices.Select(Decode).ToArray());
    }

    /// <summary>The tokens in index order as one string, e.g. <c>".abc…z"</c>.</summary>
    public override string ToString() => new(_characters);
}
