namespace Twin.Domain.Engine;

/// <summary>The engine's answer to one input: accepted, or refused with a reason and no change made.</summary>
/// <param name="Forbidden">Refused because the person's scope does not allow it (organisation or role), not because of the case's state.</param>
public readonly record struct InputResult(bool Accepted, string? Reason, bool Forbidden = false)
{
    public static InputResult Ok { get; } = new(true, null);

    public static InputResult Refused(string reason) => new(false, reason);

    public static InputResult Denied(string reason) => new(false, reason, Forbidden: true);
}
