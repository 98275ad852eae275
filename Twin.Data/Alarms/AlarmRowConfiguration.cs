using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Alarms;

internal sealed class AlarmRowConfiguration : IEntityTypeConfiguration<AlarmRow>
{
    public void Configure(EntityTypeBuilder<AlarmRow> builder)
    {
        builder.ToTable("alarms");
        builder.HasKey(a => a.Id).HasName("pk_alarms");
        builder.Property(a => a.Id).HasColumnName("id");
        builder.Property(a => a.Source).HasColumnName("source").HasConversion<string>();
        builder.Property(a => a.SourceId).HasColumnName("source_id");
        builder.Property(a => a.Kind).HasColumnName("kind");
        builder.Property(a => a.Severity).HasColumnName("severity").HasConversion<string>();
        builder.Property(a => a.Title).HasColumnName("title");
        builder.Property(a => a.Lon).HasColumnName("lon");
        builder.Property(a => a.Lat).HasColumnName("lat");
        builder.Property(a => a.SubDistrictCode).HasColumnName("sub_district_code");
        builder.Property(a => a.RaisedAt).HasColumnName("raised_at").HasConversion(UtcTicks.Converter);
        builder.Property(a => a.AcknowledgedBy).HasColumnName("acknowledged_by");
        builder.Property(a => a.AcknowledgedAt).HasColumnName("acknowledged_at").HasConversion(UtcTicks.Converter);
        builder.Property(a => a.ClearedAt).HasColumnName("cleared_at").HasConversion(UtcTicks.Converter);
        builder.Property(a => a.AcknowledgementNote).HasColumnName("acknowledgement_note");
        builder.Property(a => a.Owner).HasColumnName("owner");
        builder.Property(a => a.CaseId).HasColumnName("case_id");
        builder.Property(a => a.AssignedTo).HasColumnName("assigned_to");
        builder.Property(a => a.AssigneeKind).HasColumnName("assignee_kind").HasConversion<string>();
        builder.Property(a => a.DutyLevel).HasColumnName("duty_level").HasDefaultValue(0);
        builder.Property(a => a.SnapshotId).HasColumnName("snapshot_id");

        // The two legs of the start-up query (still active, raised since yesterday).
        builder.HasIndex(a => a.ClearedAt).HasDatabaseName("ix_alarms_cleared_at");
        builder.HasIndex(a => a.RaisedAt).HasDatabaseName("ix_alarms_raised_at");
    }
}
