using Twin.Domain.Organisations;

namespace CommandCenter.Officers;

/// <summary>
/// Who is at the desk: the one place the console asks whose name an action carries in the history.
/// Answered by the security folder's <c>SignedInOfficer</c>: the signed-in person.
/// </summary>
public interface IOfficerIdentity
{
    Task<Officer> GetCurrentAsync(CancellationToken ct = default);

    /// <summary>What the person's organisation and role let them see and do: pages show the twin through it.</summary>
    Task<AccessScope> GetScopeAsync(CancellationToken ct = default);
}

/// <param name="Name">As recorded in histories (e.g. 值班员).</param>
/// <param name="NameEn">As the English console shows it.</param>
public sealed record Officer(string Name, string NameEn);
