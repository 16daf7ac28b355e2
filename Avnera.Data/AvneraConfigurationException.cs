namespace Avnera.Data;

/// <summary>
/// Configuration the app cannot run without is missing or malformed (connection strings, ENCRYPTION_KEY).
/// The process stops at start-up with the message, never later on a request.
/// </summary>
public sealed class AvneraConfigurationException(string message) : InvalidOperationException(message);
