using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Domain.Organisations;

namespace Twin.Data.Organisations;

/// <summary>
/// An organisation as stored, so that every account's organisation is a foreign key the database
/// holds to. The rows follow <see cref="OrganisationDirectory"/> at each start; only the centre is
/// seeded by the migration, as the organisation accounts made before organisations belong to.
/// </summary>
public sealed class OrganisationRow
{
    public required string Id { get; set; }

    public OrganisationKind Kind { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public string? SubDistrictCode { get; set; }

    public Organisation ToDomain() => new(Id, Kind, NameZh, NameEn, SubDistrictCode);
}

internal sealed class OrganisationRowConfiguration : IEntityTypeConfiguration<OrganisationRow>
{
    public void Configure(EntityTypeBuilder<OrganisationRow> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id).HasName("pk_organisations");
        builder.Property(o => o.Id).HasColumnName("id");
        builder.Property(o => o.Kind).HasColumnName("kind").HasConversion<string>();
        builder.Property(o => o.NameZh).HasColumnName("name_zh");
        builder.Property(o => o.NameEn).HasColumnName("name_en");
        builder.Property(o => o.SubDistrictCode).HasColumnName("sub_district_code");
        var centre = Organisation.Centre;
        builder.HasData(new OrganisationRow { Id = centre.Id, Kind = centre.Kind, NameZh = centre.NameZh, NameEn = centre.NameEn });
    }
}
