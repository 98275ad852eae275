using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Organisations;
using Twin.Data.Store;
using Twin.Domain.Organisations;

namespace Twin.Data.Accounts;

internal sealed class WallDeviceRowConfiguration : IEntityTypeConfiguration<WallDeviceRow>
{
    public void Configure(EntityTypeBuilder<WallDeviceRow> builder)
    {
        builder.ToTable("wall_devices");
        builder.HasKey(d => d.Id).HasName("pk_wall_devices");
        builder.Property(d => d.Id).HasColumnName("id");
        builder.Property(d => d.Name).HasColumnName("name");
        builder.Property(d => d.TokenHash).HasColumnName("token_hash");
        builder.HasIndex(d => d.TokenHash).IsUnique().HasDatabaseName("ix_wall_devices_token_hash");
        builder.Property(d => d.IssuedAt).HasColumnName("issued_at").HasConversion(UtcTicks.Converter);
        builder.Property(d => d.IssuedBy).HasColumnName("issued_by");
        builder.Property(d => d.RevokedAt).HasColumnName("revoked_at").HasConversion(UtcTicks.Converter);
        builder.Property(d => d.RevokedBy).HasColumnName("revoked_by");
        builder.Property(d => d.OrganisationId).HasColumnName("organisation_id").HasDefaultValue(Organisation.CentreId);
        builder.HasOne<OrganisationRow>().WithMany().HasForeignKey(d => d.OrganisationId).HasConstraintName("fk_wall_devices_organisations").OnDelete(DeleteBehavior.Restrict);
    }
}
