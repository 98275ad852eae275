using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Alarms;

internal sealed class AlarmHistoryRowConfiguration : IEntityTypeConfiguration<AlarmHistoryRow>
{
    public void Configure(EntityTypeBuilder<AlarmHistoryRow> builder)
    {
        builder.ToTable("alarm_history");
        builder.HasKey(h => h.Id).HasName("pk_alarm_history");
        builder.Property(h => h.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(h => h.AlarmId).HasColumnName("alarm_id");
        builder.Property(h => h.Change).HasColumnName("change").HasConversion<string>();
        builder.Property(h => h.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(h => h.Severity).HasColumnName("severity").HasConversion<string>();
        builder.Property(h => h.Actor).HasColumnName("actor");
        builder.Property(h => h.Note).HasColumnName("note");
        builder.HasIndex(h => h.AlarmId).HasDatabaseName("ix_alarm_history_alarm_id");
        builder.HasOne<AlarmRow>().WithMany().HasForeignKey(h => h.AlarmId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_alarm_history_alarms_alarm_id");
    }
}
