namespace Keel.Cli.Config;

/// <summary>A user's mistake in a config file: the message names the file and the key path.</summary>
public sealed class ConfigException(string message) : Exception(message);
