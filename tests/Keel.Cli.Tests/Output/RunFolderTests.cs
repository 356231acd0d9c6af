using System.Text.Json;
using Keel.Cli.Output;
using Keel.TestKit;

namespace Keel.Cli.Tests.Output;

public sealed class RunFolderTests
{
    [Fact]
    public void Metrics_with_a_loss_that_became_nan_are_still_written()
    {
        using var folder = new TempFolder();
        var run = new RunFolder(folder.Path);
        run.WriteMetrics(new Dictionary<string, object> { ["steps"] = 10L, ["validation_loss"] = float.NaN, ["train_loss"] = float.PositiveInfinity });
        using var metrics = JsonDocument.Parse(File.ReadAllText(run.Metrics));
        Assert.Equal("NaN", metrics.RootElement.GetProperty("validation_loss").GetString());
        Assert.Equal("Infinity", metrics.RootElement.GetProperty("train_loss").GetString());
        Assert.Equal(10, metrics.RootElement.GetProperty("steps").GetInt64());
    }
}
