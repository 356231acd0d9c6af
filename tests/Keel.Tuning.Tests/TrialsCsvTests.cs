using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;

namespace Keel.Tuning.Tests;

public sealed class TrialsCsvTests
{
    [Fact]
    public void Export_has_one_row_per_trial_with_every_parameter()
    {
        var study = Study.Create("csv", options: new StudyOptions { Sampler = new RandomSampler(), Pruner = new NopPruner() });
        study.EnqueueTrial(new Dictionary<string, object> { ["lr"] = 0.5, ["act"] = "relu", ["units"] = 64 });
        study.Optimize(t =>
        {
            double lr = t.SuggestFloat("lr", 0.1, 1);
            string act = t.SuggestCategorical("act", ["tanh", "relu"]);
            if (t.Number == 1) throw new InvalidDataException("bad, \"very\" bad");
            return lr + t.SuggestInt("units", 32, 128, step: 32);
        }, trials: 2, catchExceptions: true);

        var writer = new StringWriter();
        study.ExportCsv(writer);
        string[] lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("number,state,value,params_act,params_lr,params_units,duration_seconds,datetime_start,datetime_complete,error", lines[0]);
        string[] first = lines[1].Split(',');
        Assert.Equal(["0", "Complete", "64.5", "relu", "0.5", "64"], first[..6]);
        Assert.True(double.Parse(first[6], System.Globalization.CultureInfo.InvariantCulture) >= 0);
        Assert.EndsWith(",\"InvalidDataException: bad, \"\"very\"\" bad\"", lines[2]);
        Assert.StartsWith("1,Failed,,", lines[2]);
        Assert.Equal(3, lines.Length);

        string path = Path.Combine(Path.GetTempPath(), $"keel-trials-{Guid.NewGuid():N}.csv");
        study.ExportCsv(path);
        Assert.Equal(writer.ToString(), File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
        File.Delete(path);
    }
}
