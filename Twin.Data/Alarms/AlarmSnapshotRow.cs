using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Alarms;

/// <summary>
/// An AI alarm's snapshot (one per alarm). The image of an alarm never filed as a case is removed by
/// the retention pass (<c>Twin:Storage:AlarmSnapshotDays</c>; null then); a filed one is copied into
/// <c>evidence</c> with its case and kept as the case's evidence is.
/// </summary>
public sealed class AlarmSnapshotRow
{
    public required string Id { get; set; }

    public required string AlarmId { get; set; }

    public required string CameraId { get; set; }

    public DateTimeOffset CapturedAt { get; set; }

    public required string Sha256 { get; set; }

    public int Bytes { get; set; }

    public byte[]? Jpeg { get; set; }
}

internal sealed class AlarmSnapshotRowConfiguration : IEntityTypeConfiguration<AlarmSnapshotRow>
{
    public void Configure(EntityTypeBuilder<AlarmSnapshotRow> builder)
    {
        builder.ToTable("alarm_snapshots");
        builder.HasKey(s => s.Id).HasName("pk_alarm_snapshots");
        builder.Property(s => s.Id).HasColumnName("id");
        builder.Property(s => s.AlarmId).HasColumnName("alarm_id");
        builder.Property(s => s.CameraId).HasColumnName("camera_id");
        builder.Property(s => s.CapturedAt).HasColumnName("captured_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.Sha256).HasColumnName("sha256");
        builder.Property(s => s.Bytes).HasColumnName("bytes");
        builder.Property(s => s.Jpeg).HasColumnName("jpeg");
        builder.HasIndex(s => s.AlarmId).IsUnique().HasDatabaseName("ix_alarm_snapshots_alarm_id");

        // The retention pass's question: images captured before the cutoff.
        builder.HasIndex(s => s.CapturedAt).HasDatabaseName("ix_alarm_snapshots_captured_at");
        builder.HasOne<AlarmRow>().WithOne().HasForeignKey<AlarmSnapshotRow>(s => s.AlarmId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_alarm_snapshots_alarms_alarm_id");
    }
}
