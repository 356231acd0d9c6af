namespace Keel.Stability;

/// <summary>Training met a NaN or an infinity it was told not to tolerate; names where it first appeared.</summary>
public sealed class NonFiniteException : Exception
{
    /// <summary>An exception with a message and the offending parameter's name (null when the loss was the first).</summary>
    public NonFiniteException(string message, string? parameterName)
        : base(message)
    {
        ParameterName = parameterName;
    }

    /// <summary>The first parameter whose gradient was not finite, or null when it was the loss.</summary>
    public string? ParameterName { get; }
}
