namespace Twin.Data.Nodes;

/// <summary>
/// A command handed to the writer was not answered in time (no writer holds the lock, or it is
/// rebuilding): the caller learns that nothing is confirmed. The command stays in the inbox and may
/// still be applied, so a retry must carry the same idempotency key.
/// </summary>
public sealed class WriterUnavailableException(TimeSpan waited)
    : Exception($"The writer did not commit the command within {waited.TotalSeconds:F0} s; it may still be applied. Retry with the same idempotency key.")
{
    public TimeSpan Waited { get; } = waited;
}
