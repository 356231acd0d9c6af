using System.Xml.Linq;
using Keel.Tuning.Pruners;
using Keel.Tuning.Samplers;
using Keel.Tuning.Visualization;

namespace Keel.Tuning.Tests.Visualization;

public sealed class StudyHtmlTests
{
    /// <summary>A study with complete, pruned and failed trials, a log-scale, an int and a categorical parameter.</summary>
    private static Study Mixed()
    {
        var study = Study.Create("mixed <&>", options: new StudyOptions { Sampler = new RandomSampler(), Pruner = new MedianPruner(nStartupTrials: 3), Seed = 2 });
        study.Optimize(t =>
        {
            double lr = t.SuggestFloat("lr", 1e-4, 1, log: true);
            int units = t.SuggestInt("units", 16, 256, step: 16);
            string act = t.SuggestCategorical("act", ["tanh", "re<lu>"]);
            if (t.Number == 4) throw new InvalidOperationException("diverged");
            double floor = Math.Pow(Math.Log10(lr) + 2, 2) + units / 1000.0 + (act == "tanh" ? 0 : 0.1);
            for (int step = 1; step <= 10; step++)
            {
                t.Report(step, floor + 1.0 / step);
                if (t.ShouldPrune()) throw new TrialPrunedException();
            }
            return floor + 0.1;
        }, trials: 20, catchExceptions: true);
        return study;
    }

    [Fact]
    public void The_page_is_well_formed_and_has_every_chart()
    {
        var study = Mixed();
        Assert.Contains(study.Trials, t => t.State == TrialState.Pruned);
        Assert.Contains(study.Trials, t => t.State == TrialState.Failed);
        string html = StudyHtml.Render(study.Name, study.Direction, study.Trials, "val_loss");

        var document = XDocument.Parse(html); // throws unless the page is well-formed XML (XHTML)
        XNamespace svg = "http://www.w3.org/2000/svg";
        var headings = document.Descendants("h2").Select(h => h.Value).ToList();
        Assert.Equal(["Optimization history", "Intermediate values", "Parameter slices", "Parallel coordinates", "Parameter importance", "Trials"], headings);
        // history, intermediate values, three slices, parallel coordinates, importance
        Assert.Equal(7, document.Descendants(svg + "svg").Count());
        Assert.Equal(1 + study.Trials.Count, document.Descendants("table").Last().Elements("tr").Count());
        Assert.Contains($"Best trial {study.BestTrial.Number}", html);
        Assert.Contains("re&lt;lu&gt;", html);
        Assert.Contains("mixed &lt;&amp;&gt;", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_complete_trial_is_one_line_in_parallel_coordinates_and_one_dot_per_slice()
    {
        var study = Mixed();
        var document = XDocument.Parse(StudyHtml.Render(study.Name, study.Direction, study.Trials));
        XNamespace svg = "http://www.w3.org/2000/svg";
        int complete = study.Trials.Count(t => t.State == TrialState.Complete);
        var charts = document.Descendants(svg + "svg").ToList();
        Assert.Equal(complete, charts[5].Descendants(svg + "polyline").Count());
        Assert.All(charts.Skip(2).Take(3), slice => Assert.Equal(complete, slice.Descendants(svg + "circle").Count()));
        // The history shows complete and pruned trials as dots; failed ones have no value.
        Assert.Equal(study.Trials.Count(t => t.State is TrialState.Complete or TrialState.Pruned), charts[0].Descendants(svg + "circle").Count());
    }

    [Fact]
    public void An_empty_study_still_renders()
    {
        var document = XDocument.Parse(StudyHtml.Render("empty", StudyDirection.Maximize, []));
        Assert.Contains("No complete trial yet.", document.ToString());
    }
}
