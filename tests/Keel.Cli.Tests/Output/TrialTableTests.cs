using Keel.Cli.Output;

namespace Keel.Cli.Tests.Output;

public sealed class TrialTableTests
{
    [Fact]
    public void Parameters_go_by_the_shortest_ending_that_tells_them_apart()
    {
        Assert.Equal(["lr", "0.linear.out", "2.linear.out", "batch_size"],
            TrialTable.ShortNames(["optimizer.sgd.lr", "model.0.linear.out", "model.2.linear.out", "train.batch_size"]));
        Assert.Equal(["seed", "tune.seed"], TrialTable.ShortNames(["seed", "tune.seed"]));
    }
}
