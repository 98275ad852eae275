namespace Twin.Domain.Engine;

/// <summary>
/// The engine's answer to one input: accepted, or refused with a reason and no change made; a
/// refusal a person meets on a screen also says why as a <see cref="Refusal"/> code.
/// </summary>
public readonly record struct InputResult(bool Accepted, string? Reason, Refusal? Why = null)
{
    public static InputResult Ok { get; } = new(true, null);

    public static InputResult Refused(string reason, Refusal? why = null) => new(false, reason, why);
}
