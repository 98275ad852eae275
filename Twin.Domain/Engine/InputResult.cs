namespace Twin.Domain.Engine;

/// <summary>The engine's answer to one input: accepted, or refused with a reason and no change made.</summary>
public readonly record struct InputResult(bool Accepted, string? Reason)
{
    public static InputResult Ok { get; } = new(true, null);

    public static InputResult Refused(string reason) => new(false, reason);
}
