using Microsoft.EntityFrameworkCore;
using Twin.Data.Organisations;
using Twin.Data.Store;
using Twin.Domain.Organisations;

namespace Twin.Data.Boundary;

/// <summary><see cref="ITwinOrganisations"/> over the <see cref="OrganisationDirectory"/> and the accounts' store.</summary>
public sealed class TwinOrganisations(OrganisationDirectory directory, IDbContextFactory<TwinDbContext> contexts, TwinReadiness readiness) : ITwinOrganisations
{
    /// <summary>What an account of an organisation the directory no longer knows is held to: a 街镇 with no area sees no case.</summary>
    private static readonly Organisation Nowhere = new("unknown", OrganisationKind.SubDistrict, "未知组织", "Unknown organisation", SubDistrictCode: string.Empty);

    public IReadOnlyList<Organisation> All => directory.All;

    public Organisation? Find(string? id) => directory.Find(id);

    public AccessScope ScopeOf(string? organisationId, AccessRole role) => new(directory.Find(organisationId) ?? Nowhere, role);

    public async Task<Organisation?> OfAccountAsync(string userName, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = await db.Users.Where(u => u.UserName == userName).Select(u => u.OrganisationId).FirstOrDefaultAsync(ct);
        return id is null ? null : directory.Find(id) ?? Nowhere;
    }

    public async Task<Organisation?> OfWallDeviceAsync(string deviceId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var id = await db.WallDevices.Where(d => d.Id == deviceId).Select(d => d.OrganisationId).FirstOrDefaultAsync(ct);
        return id is null ? null : directory.Find(id) ?? Nowhere;
    }

    public async Task SynchroniseAsync(CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.Organisations.ToDictionaryAsync(o => o.Id, StringComparer.Ordinal, ct);
        foreach (var o in directory.All)
        {
            if (!stored.TryGetValue(o.Id, out var row))
            {
                db.Organisations.Add(new OrganisationRow { Id = o.Id, Kind = o.Kind, NameZh = o.NameZh, NameEn = o.NameEn, SubDistrictCode = o.SubDistrictCode });
            }
            else if (row.ToDomain() != o)
            {
                (row.Kind, row.NameZh, row.NameEn, row.SubDistrictCode) = (o.Kind, o.NameZh, o.NameEn, o.SubDistrictCode);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
