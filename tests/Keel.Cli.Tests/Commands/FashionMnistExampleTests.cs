using System.Buffers.Binary;
using System.IO.Compression;
using Keel.TestKit;

namespace Keel.Cli.Tests.Commands;

/// <summary>
/// The four Fashion-MNIST configs parse, build and train a few steps. The Debian package holding
/// the data need not be installed: the configs' own paths are checked, then replaced by the MNIST
/// files shipped in <c>examples/mnist-10k</c> (same IDX layout) and a small test set written here.
/// </summary>
public sealed class FashionMnistExampleTests
{
    private const string Package = "/usr/share/datasets/fashion-mnist/";
    private const int TestCount = 60;

    [Theory]
    [InlineData("plain")]
    [InlineData("l2")]
    [InlineData("dropout")]
    [InlineData("dropout-maxnorm")]
    public void The_fashion_mnist_configs_train_and_test_on_the_separate_test_files(string name)
    {
        using var folder = new TempFolder();
        var (testImages, testLabels) = WriteTestFiles(folder);
        var (metrics, output) = ExampleConfigTests.TrainWithOutput(folder, $"examples/fashion-mnist/{name}.yaml", yaml =>
            ExampleConfigTests.FewSteps(Redirect(yaml, testImages, testLabels), 20, 32));
        Assert.Equal(20, metrics.GetProperty("steps").GetInt64());
        // 10,000 images split 0.9 / 0.1; the test split is the separate test files, whole.
        Assert.Contains($"9,000 train / 1,000 validation / {TestCount} test", output);
        Assert.True(metrics.GetProperty("validation_loss").GetSingle() < 2.0f, metrics.ToString());
    }

    [Fact]
    public void A_test_fraction_beside_separate_test_files_is_refused_naming_the_key()
    {
        using var folder = new TempFolder();
        var (testImages, testLabels) = WriteTestFiles(folder);
        var config = folder.File("run.yaml");
        var yaml = File.ReadAllText(RepositoryPaths.InRepository("examples/fashion-mnist/plain.yaml"));
        File.WriteAllText(config, Redirect(yaml, testImages, testLabels).Replace("test: 0}", "test: 0.1}", StringComparison.Ordinal)
            .Replace("train: 0.9,", "train: 0.8,", StringComparison.Ordinal));
        var (code, _, error) = CliRun.Invoke("train", config, "--out", folder.File("out"));
        Assert.Equal(2, code);
        Assert.Equal($"keel: {config}: data.split.test: must be 0 when idx.test_images gives the test split, got 0.1\n", error);
    }

    /// <summary>The config with the package's four paths (which must all be there) replaced.</summary>
    private static string Redirect(string yaml, string testImages, string testLabels)
    {
        var mnist = RepositoryPaths.InRepository("examples/mnist-10k");
        foreach (var (file, replacement) in new[]
        {
            ("train-images-idx3-ubyte.gz", Path.Combine(mnist, "images-idx3-ubyte.gz")),
            ("train-labels-idx1-ubyte.gz", Path.Combine(mnist, "labels-idx1-ubyte.gz")),
            ("t10k-images-idx3-ubyte.gz", testImages),
            ("t10k-labels-idx1-ubyte.gz", testLabels),
        })
        {
            Assert.Contains(Package + file, yaml);
            yaml = yaml.Replace(Package + file, replacement, StringComparison.Ordinal);
        }
        return yaml;
    }

    /// <summary>Plain IDX files of <see cref="TestCount"/> images taken at a stride through the class-sorted MNIST files.</summary>
    private static (string Images, string Labels) WriteTestFiles(TempFolder folder)
    {
        var images = Gunzip(RepositoryPaths.InRepository("examples/mnist-10k/images-idx3-ubyte.gz"));
        var labels = Gunzip(RepositoryPaths.InRepository("examples/mnist-10k/labels-idx1-ubyte.gz"));
        const int pixels = 28 * 28;
        int count = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4)), stride = count / TestCount;
        var imageFile = new byte[16 + TestCount * pixels];
        var labelFile = new byte[8 + TestCount];
        images.AsSpan(0, 16).CopyTo(imageFile);
        labels.AsSpan(0, 8).CopyTo(labelFile);
        BinaryPrimitives.WriteInt32BigEndian(imageFile.AsSpan(4), TestCount);
        BinaryPrimitives.WriteInt32BigEndian(labelFile.AsSpan(4), TestCount);
        for (int i = 0; i < TestCount; i++)
        {
            images.AsSpan(16 + i * stride * pixels, pixels).CopyTo(imageFile.AsSpan(16 + i * pixels));
            labelFile[8 + i] = labels[8 + i * stride];
        }
        return (folder.Write(imageFile, ".idx3"), folder.Write(labelFile, ".idx1"));
    }

    private static byte[] Gunzip(string path)
    {
        using var input = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
