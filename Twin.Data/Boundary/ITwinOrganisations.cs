using Twin.Domain.Organisations;

namespace Twin.Data.Boundary;

/// <summary>
/// The organisations accounts and walls belong to, and the scope that follows from belonging: the
/// app asks here which organisation a signed-in account or a wall is of, and turns it with the role
/// into the <see cref="AccessScope"/> every query, command, hub group and export of theirs is held to.
/// </summary>
public interface ITwinOrganisations
{
    /// <summary>The centre, the departments, the 10 街镇.</summary>
    IReadOnlyList<Organisation> All { get; }

    Organisation? Find(string? id);

    /// <summary>The scope of an account or wall of <paramref name="organisationId"/> in <paramref name="role"/>; an unknown organisation sees nothing beyond a 街镇 of no area.</summary>
    AccessScope ScopeOf(string? organisationId, AccessRole role);

    /// <summary>The organisation the account <paramref name="userName"/> belongs to, or null when there is no such account.</summary>
    Task<Organisation?> OfAccountAsync(string userName, CancellationToken ct = default);

    /// <summary>The organisation a wall device belongs to, or null when there is no such device.</summary>
    Task<Organisation?> OfWallDeviceAsync(string deviceId, CancellationToken ct = default);

    /// <summary>Writes the directory's organisations to the store (new ones added, renamed ones updated); run once at start.</summary>
    Task SynchroniseAsync(CancellationToken ct = default);
}
