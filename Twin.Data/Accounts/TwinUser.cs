using Microsoft.AspNetCore.Identity;

namespace Twin.Data.Accounts;

/// <summary>A person who signs in (the wall signs in with a device token instead, see <see cref="WallDeviceRow"/>).</summary>
public sealed class TwinUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Set for a generated one-time password: the next sign-in must choose a new one first.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>A disabled account cannot sign in and its sessions are ended.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The organisation the account belongs to (<see cref="Organisations.OrganisationRow"/>); the centre unless set.</summary>
    public string OrganisationId { get; set; } = Twin.Domain.Organisations.Organisation.CentreId;
}
