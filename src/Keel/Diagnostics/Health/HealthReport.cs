namespace Keel.Diagnostics;

/// <summary>The findings of every detector over one run, most severe first.</summary>
/// <param name="Findings">What the detectors found.</param>
public sealed record HealthReport(IReadOnlyList<Finding> Findings)
{
    /// <summary>True when nothing is worse than <see cref="Severity.Info"/>.</summary>
    public bool IsHealthy => Findings.All(f => f.Severity == Severity.Info);

    /// <summary>The findings of <paramref name="kind"/>.</summary>
    public IEnumerable<Finding> Of(FindingKind kind) => Findings.Where(f => f.Kind == kind);

    /// <summary>A one-line verdict: "healthy" or the counts by severity.</summary>
    public string Summary => IsHealthy
        ? "healthy: no problems found"
        : string.Join(", ", Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}{(g.Count() == 1 ? "" : "s")}"));

    /// <summary>Runs every detector over <paramref name="log"/>.</summary>
    public static HealthReport Diagnose(DiagnosticsLog log, HealthThresholds? thresholds = null)
    {
        var t = thresholds ?? HealthThresholds.Default;
        IDetector[] detectors =
        [
            new ExplodingDetector(), new VanishingDetector(), new SaturationDetector(), new DeadUnitsDetector(),
            new LearningRateDetector(), new OverfittingDetector(), new InitialLossDetector(),
        ];
        var findings = detectors.SelectMany(d => d.Inspect(log, t))
            .OrderByDescending(f => f.Severity).ThenBy(f => f.Kind).ToList();
        return new HealthReport(findings);
    }
}
