namespace Twin.Domain.Engine;

/// <summary>
/// The engine's answer to one input: accepted, or refused with a reason and no change made; a
/// refusal a person meets on a screen also says why as a <see cref="Refusal"/> code.
/// </summary>
/// <param name="Forbidden">Refused because the person's scope does not allow it (organisation or role), not because of the case's state.</param>
public readonly record struct InputResult(bool Accepted, string? Reason, Refusal? Why = null, bool Forbidden = false)
{
    public static InputResult Ok { get; } = new(true, null);

    public static InputResult Refused(string reason, Refusal? why = null) => new(false, reason, why);

    public static InputResult Denied(string reason, Refusal? why = null) => new(false, reason, why, Forbidden: true);
}
