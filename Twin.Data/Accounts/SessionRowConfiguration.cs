using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Accounts;

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
