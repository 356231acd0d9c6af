using Keel.Tensors;

namespace Keel.Data;

/// <summary>
/// Next-character examples from lines of text, as in Karpathy's makemore: each word followed by
/// the boundary token gives one example per character, whose features are the indices of the
/// <see cref="ContextLength"/> previous tokens (padded with the boundary, index 0) and whose target
/// is the index of that character.
/// </summary>
/// <remarks>
/// <code>
/// context = [0] * contextLength
/// for ch in word + '.':  X.append(context); Y.append(stoi[ch]); context = context[1:] + [stoi[ch]]
/// </code>
/// A word of length L gives L + 1 examples. Blank lines are skipped; a line holding the boundary
/// token <c>'.'</c> is an error. Features are <c>[N, contextLength]</c> and targets <c>[N]</c>, indices as floats.
/// </remarks>
public sealed class CharDataset
{
    private readonly string[] _words;

    private CharDataset(string[] words, Vocabulary vocabulary, int contextLength)
    {
        _words = words;
        Vocabulary = vocabulary;
        ContextLength = contextLength;
    }

    /// <summary>The words (non-blank lines) in file order.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>The tokens of every word, with the boundary at index 0.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>How many previous tokens each example sees (makemore's <c>block_size</c>).</summary>
    public int ContextLength { get; }

    /// <summary>Reads the words of <paramref name="lines"/> and builds their vocabulary.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contextLength"/> is below 1.</exception>
    /// <exception cref="FormatException">A line holds the boundary token <c>'.'</c>.</exception>
    public static CharDataset FromLines(IEnumerable<string> lines, int contextLength)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (contextLength < 1)
            throw new ArgumentOutOfRangeException(nameof(contextLength), $"context length must be at least 1, got {contextLength}");
        var words = new List<string>();
        int lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.Contains(Vocabulary.Boundary, StringComparison.Ordinal))
                throw new FormatException($"line {lineNumber} ('{line}') holds '{Vocabulary.Boundary}', which is reserved as the word boundary token");
            words.Add(line);
        }
        return new CharDataset([.. words], new Vocabulary(words.SelectMany(w => w)), contextLength);
    }

    /// <summary>All examples, in word order.</summary>
    public Dataset ToDataset() => Examples(_words);

    /// <summary>The examples of <paramref name="words"/>, encoded with this dataset's vocabulary.</summary>
    /// <exception cref="ArgumentException">A word holds a character outside the vocabulary.</exception>
    public Dataset Examples(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var list = words as IReadOnlyCollection<string> ?? [.. words];
        long total = list.Sum(w => (long)w.Length + 1);
        if (total * ContextLength > Array.MaxLength)
            throw new ArgumentException($"{total} examples of context {ContextLength} do not fit in one tensor");
        int count = (int)total;
        var features = Tensor.Zeros([count, ContextLength]);
        var targets = Tensor.Zeros([count]);
        var x = features.Data;
        var y = targets.Data;
        Span<int> context = stackalloc int[ContextLength];
        int example = 0;
        foreach (var word in list)
        {
            context.Clear();
            for (int i = 0; i <= word.Length; i++)
            {
                int token = i < word.Length ? Vocabulary.Encode(word[i]) : 0;
                var row = x.Slice(example * ContextLength, ContextLength);
                for (int j = 0; j < ContextLength; j++) row[j] = context[j];
                y[example++] = token;
                context[1..].CopyTo(context);
                context[^1] = token;
            }
        }
        return new Dataset(features, targets);
    }

    /// <summary>
    /// Splits the WORDS (not the examples) by fractions, as makemore does, then builds each part's
    /// examples, so that no word contributes examples to two parts.
    /// </summary>
    /// <remarks>
    /// Words are shuffled by a <see cref="Generator"/> seeded with <paramref name="seed"/> (kept in
    /// file order when <paramref name="shuffle"/> is false); <c>n₁ = ⌊train·W⌋</c> and
    /// <c>n₂ = ⌊(train + validation)·W⌋</c> words for W words. makemore shuffles with Python's
    /// <c>random.seed(42)</c>, whose order this generator does not reproduce.
    /// </remarks>
    public DatasetSplit Split(double train, double validation, double test, ulong seed = 42, bool shuffle = true)
    {
        var plan = SplitPlan.FromFractions(_words.Length, train, validation, test);
        var order = plan.Order(seed, shuffle).Select(i => _words[i]).ToArray();
        return new DatasetSplit(
            Examples(order[..plan.Train]),
            Examples(order[plan.Train..(plan.Train + plan.Validation)]),
            Examples(order[(plan.Train + plan.Validation)..]));
    }
}
