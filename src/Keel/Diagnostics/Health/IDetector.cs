namespace Keel.Diagnostics;

/// <summary>Looks for one kind of problem in a run's diagnostics.</summary>
public interface IDetector
{
    /// <summary>The findings in <paramref name="log"/> under <paramref name="thresholds"/>; none for a healthy run.</summary>
    IEnumerable<Finding> Inspect(DiagnosticsLog log, HealthThresholds thresholds);
}
