using System.Security.Claims;
using Twin.Data.Boundary;
using Twin.Domain.Organisations;

namespace CommandCenter.Security;

/// <summary>
/// The <see cref="AccessScope"/> of whoever is signed in: their organisation and the role that acts
/// in it. A person's organisation is the one their session began with (changing it ends the
/// sessions); a wall's is asked of its device each time, as a paired wall keeps its cookie for
/// months. A principal with neither sees nothing.
/// </summary>
public sealed class SignedInScope(ITwinOrganisations organisations)
{
    public async Task<AccessScope> OfAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var role = RoleOf(user);
        if (user.FindFirstValue(TwinClaims.Device) is { } device)
        {
            return organisations.ScopeOf((await organisations.OfWallDeviceAsync(device, ct))?.Id, role);
        }

        var organisation = user.FindFirstValue(TwinClaims.Organisation);
        if (organisation is null && user.Identity?.Name is { } name)
        {
            // A session begun before accounts had organisations: the account's own, asked once.
            organisation = (await organisations.OfAccountAsync(name, ct))?.Id;
        }

        return organisations.ScopeOf(organisation, role);
    }

    /// <summary>The strongest role that acts on cases; anyone else (a leader, an admin) only looks.</summary>
    public static AccessRole RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) ? AccessRole.Supervisor
        : user.IsInRole(Roles.Officer) ? AccessRole.Officer
        : user.IsInRole(Roles.Wall) ? AccessRole.Wall
        : AccessRole.Leader;
}
