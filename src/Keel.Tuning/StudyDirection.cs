namespace Keel.Tuning;

/// <summary>Whether a study looks for the smallest or the largest objective value.</summary>
public enum StudyDirection
{
    /// <summary>Smaller is better (a loss).</summary>
    Minimize = 0,

    /// <summary>Larger is better (an accuracy).</summary>
    Maximize = 1,
}
