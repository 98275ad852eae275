namespace CommandCenter.Officers;

/// <summary>
/// Who is at the desk: the one place the console asks whose name an action carries in the history.
/// Sign-in will answer with the signed-in user; until then every desk is the duty officer.
/// </summary>
public interface IOfficerIdentity
{
    Task<Officer> GetCurrentAsync(CancellationToken ct = default);
}

/// <param name="Name">As recorded in histories (e.g. 值班员).</param>
/// <param name="NameEn">As the English console shows it.</param>
public sealed record Officer(string Name, string NameEn);

/// <summary>The desk before sign-in exists: an anonymous duty officer.</summary>
public sealed class DutyOfficerIdentity : IOfficerIdentity
{
    public static Officer DutyOfficer { get; } = new("值班员", "Duty officer");

    public Task<Officer> GetCurrentAsync(CancellationToken ct = default) => Task.FromResult(DutyOfficer);
}
