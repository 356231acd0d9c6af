using Keel.Data;
using Keel.TestKit;

namespace Keel.Tests.Data;

public sealed class CharDatasetTests
{
    private static string[] Lines(string relative) => File.ReadAllLines(RepositoryPaths.SharedFile(relative));

    [Fact]
    public void Names_give_a_vocabulary_of_the_boundary_and_the_26_letters()
    {
        var data = CharDataset.FromLines(File.ReadLines(RepositoryPaths.InRepository("examples/names/names.txt")), contextLength: 3);
        Assert.Equal(27, data.Vocabulary.Size);
        Assert.Equal(".abcdefghijklmnopqrstuvwxyz", data.Vocabulary.ToString());
        Assert.Equal(32033, data.Words.Count);
        Assert.Equal(0, data.Vocabulary.Encode('.'));
        Assert.Equal(26, data.Vocabulary.Encode('z'));
    }

    [Fact]
    public void Emma_gives_the_five_examples_makemore_prints()
    {
        // makemore part 2: ... ---> e, ..e ---> m, .em ---> m, emm ---> a, mma ---> .
        var data = CharDataset.FromLines(["emma"], contextLength: 3).ToDataset();
        var v = CharDataset.FromLines(["emma"], 3).Vocabulary;
        Assert.Equal(".aem", v.ToString());
        Assert.Equal([5, 3], data.Features.Shape.ToArray());
        float e = v.Encode('e'), m = v.Encode('m'), a = v.Encode('a');
        Assert.Equal([0f, 0, 0, 0, 0, e, 0, e, m, e, m, m, m, m, a], data.Features.ToArray());
        Assert.Equal([e, m, m, a, 0f], data.Targets.ToArray());
    }

    [Fact]
    public void The_canonical_names_split_gives_makemores_example_counts_at_context_3()
    {
        string[] train = Lines("names-split/train.txt"), dev = Lines("names-split/dev.txt"), test = Lines("names-split/test.txt");
        var all = CharDataset.FromLines(train.Concat(dev).Concat(test), contextLength: 3);
        Assert.Equal(27, all.Vocabulary.Size);
        Assert.Equal(182_625, all.Examples(train).Count);
        Assert.Equal(22_655, all.Examples(dev).Count);
        Assert.Equal(22_866, all.Examples(test).Count);
        Assert.Equal([22_866, 3], all.Examples(test).Features.Shape.ToArray());
    }

    [Fact]
    public void Split_divides_words_not_examples_80_10_10()
    {
        var data = CharDataset.FromLines(Lines("names.txt"), contextLength: 3);
        var split = data.Split(train: 0.8, validation: 0.1, test: 0.1, seed: 42);
        long total = data.Words.Sum(w => w.Length + 1);
        Assert.Equal(total, split.Train.Count + split.Validation.Count + split.Test.Count);
        Assert.Equal([split.Train.Count, 3], split.Train.Features.Shape.ToArray());
        // Each word's examples end with the boundary target, so the number of 0 targets counts the words.
        static int Words(Dataset d) => d.Targets.ToArray().Count(t => t == 0);
        Assert.Equal((25626, 3203, 3204), (Words(split.Train), Words(split.Validation), Words(split.Test)));
        var again = data.Split(0.8, 0.1, 0.1, seed: 42);
        Assert.Equal(split.Test.Features.ToArray(), again.Test.Features.ToArray());
    }

    [Fact]
    public void Split_without_shuffle_takes_the_words_in_file_order()
    {
        var data = CharDataset.FromLines(["ab", "c", "de", "f", "gh", "i", "jk", "l", "mn", "o"], contextLength: 2);
        var split = data.Split(0.8, 0.1, 0.1, shuffle: false);
        var v = data.Vocabulary;
        Assert.Equal([v.Encode('m'), v.Encode('n'), 0f], split.Validation.Targets.ToArray());
        Assert.Equal([v.Encode('o'), 0f], split.Test.Targets.ToArray());
        Assert.Equal(20, split.Train.Count); // 8 words of 12 letters, plus a boundary each
    }

    [Fact]
    public void Encode_and_decode_round_trip_and_unknown_characters_are_named()
    {
        var v = CharDataset.FromLines(["hello", "world"], 3).Vocabulary;
        Assert.Equal("world", v.Decode(v.Encode("world")));
        Assert.Contains("'q'", Assert.Throws<ArgumentException>(() => v.Encode('q')).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => v.Decode(v.Size));
    }

    [Fact]
    public void A_line_holding_the_boundary_token_is_an_error_naming_the_line_and_blank_lines_are_skipped()
    {
        Assert.Equal(2, CharDataset.FromLines(["ann", "", "bob"], 3).Words.Count);
        var error = Assert.Throws<FormatException>(() => CharDataset.FromLines(["ann", "b.b"], 3));
        Assert.Contains("line 2", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CharDataset.FromLines(["ann"], 0));
    }
}
