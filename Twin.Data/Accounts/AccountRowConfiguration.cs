using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Accounts;

internal sealed class TwinUserConfiguration : IEntityTypeConfiguration<TwinUser>
{
    public void Configure(EntityTypeBuilder<TwinUser> builder) =>
        builder.Property(u => u.CreatedAt).HasConversion(UtcTicks.Converter);
}

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
    }
}

internal sealed class SessionRowConfiguration : IEntityTypeConfiguration<SessionRow>
{
    public void Configure(EntityTypeBuilder<SessionRow> builder)
    {
        builder.ToTable("auth_sessions");
        builder.HasKey(s => s.Id).HasName("pk_auth_sessions");
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.UserId).HasColumnName("user_id");
        builder.Property(s => s.DeviceId).HasColumnName("device_id");
        builder.HasIndex(s => s.UserId).HasDatabaseName("ix_auth_sessions_user_id");
        builder.HasIndex(s => s.DeviceId).HasDatabaseName("ix_auth_sessions_device_id");
        builder.Property(s => s.CreatedAt).HasColumnName("created_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.LastSeenAt).HasColumnName("last_seen_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.EndedAt).HasColumnName("ended_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.EndReason).HasColumnName("end_reason");
    }
}
