namespace Twin.Data.Accounts;

/// <summary>
/// A wall display allowed to sign in unattended. Only the SHA-256 of its token is stored; the
/// token itself is shown once, inside the pairing URL, when an admin issues it.
/// </summary>
public sealed class WallDeviceRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string TokenHash { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public required string IssuedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>Whose wall it is: a 街镇's wall shows its own area (the hub sends it nothing else).</summary>
    public string OrganisationId { get; set; } = Twin.Domain.Organisations.Organisation.CentreId;
}
