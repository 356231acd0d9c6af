using Keel.Data;
using Keel.TestKit;

namespace Keel.Tests.Data;

public sealed class CsvDatasetTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string text) => _folder.Write(text, ".csv");

    [Theory]
    [InlineData("iris.csv", 150, 4, 3)]
    [InlineData("wine_data.csv", 178, 13, 3)]
    [InlineData("breast_cancer.csv", 569, 30, 2)]
    [InlineData("digits.csv.gz", 1797, 64, 10)]
    public void Scikit_learn_files_load_with_their_sizes_and_labels(string file, int samples, int features, int classes)
    {
        var data = CsvDataset.Load(RepositoryPaths.SharedFile("sklearn/" + file));
        Assert.Equal([samples, features], data.Features.Shape.ToArray());
        Assert.Equal(Enumerable.Range(0, classes).Select(c => (float)c), data.Targets.ToArray().Distinct().Order());
    }

    [Fact]
    public void Iris_first_row_is_read_exactly()
    {
        var data = CsvDataset.Load(RepositoryPaths.SharedFile("sklearn/iris.csv"));
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], data.Features.ToArray()[..4]);
        Assert.Equal(0f, data.Targets.Data[0]);
    }

    [Fact]
    public void The_target_column_is_chosen_by_name()
    {
        var data = CsvDataset.Load(Write("a,price,b\n1,10,2\n3,30,4\n"), target: "price");
        Assert.Equal([1f, 2, 3, 4], data.Features.ToArray());
        Assert.Equal([10f, 30], data.Targets.ToArray());
    }

    [Fact]
    public void Quoted_names_and_blank_lines_are_handled()
    {
        var data = CsvDataset.Load(Write("\"x, in cm\",y\n\n 1.5 ,\"2\"\n-3e-1,4\n"), target: "y");
        Assert.Equal([1.5f, -0.3f], data.Features.ToArray());
        Assert.Equal([2f, 4], data.Targets.ToArray());
    }

    [Fact]
    public void A_non_numeric_cell_is_an_error_naming_file_line_and_column()
    {
        string path = Write("a,b,label\n1,2,0\n3,oops,1\n");
        var error = Assert.Throws<FormatException>(() => CsvDataset.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("line 3, column 2 ('b')", error.Message);
        Assert.Contains("'oops'", error.Message);
    }

    [Fact]
    public void Empty_cells_and_non_finite_numbers_are_errors()
    {
        Assert.Contains("line 2, column 1 ('a'): is empty", Assert.Throws<FormatException>(() => CsvDataset.Load(Write("a,b\n,1\n"))).Message);
        Assert.Contains("'NaN'", Assert.Throws<FormatException>(() => CsvDataset.Load(Write("a,b\n1,NaN\n"))).Message);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_names_its_line()
    {
        var error = Assert.Throws<FormatException>(() => CsvDataset.Load(Write("a,b\n1,2\n\n1,2,3\n")));
        Assert.Contains("line 4: 3 cells, expected 2", error.Message);
    }

    [Fact]
    public void An_unknown_target_lists_the_columns()
    {
        var error = Assert.Throws<ArgumentException>(() => CsvDataset.Load(Write("a,b\n1,2\n"), target: "c"));
        Assert.Contains("no column 'c'", error.Message);
        Assert.Contains("a, b", error.Message);
    }

    [Fact]
    public void Headerless_files_use_the_last_column_and_reject_a_named_target()
    {
        var data = CsvDataset.Load(Write("1,2,3\n4,5,6\n"));
        Assert.Equal([2, 2], data.Features.Shape.ToArray());
        Assert.Equal([3f, 6], data.Targets.ToArray());
        Assert.Throws<ArgumentException>(() => CsvDataset.Load(Write("1,2\n"), target: "y"));
    }

    [Fact]
    public void A_scikit_learn_header_whose_counts_disagree_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => CsvDataset.Load(Write("3,2,no,yes\n1,2,0\n3,4,1\n")));
        Assert.Contains("announces 3 samples but the file holds 2", error.Message);
        Assert.Contains("label 2", Assert.Throws<FormatException>(() => CsvDataset.Load(Write("1,2,no,yes\n1,2,2\n"))).Message);
    }

    [Fact]
    public void A_missing_file_or_an_empty_one_is_named()
    {
        Assert.Throws<FileNotFoundException>(() => CsvDataset.Load(_folder.File("missing.csv")));
        Assert.Contains("no data rows", Assert.Throws<FormatException>(() => CsvDataset.Load(Write("a,b\n"))).Message);
    }
}
