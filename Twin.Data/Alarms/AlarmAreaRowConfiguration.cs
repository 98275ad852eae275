using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Twin.Data.Alarms;

internal sealed class AlarmAreaRowConfiguration : IEntityTypeConfiguration<AlarmAreaRow>
{
    public void Configure(EntityTypeBuilder<AlarmAreaRow> builder)
    {
        builder.ToTable("alarm_areas");
        builder.HasKey(a => a.AlarmId).HasName("pk_alarm_areas");
        builder.Property(a => a.AlarmId).HasColumnName("alarm_id");
        builder.Property(a => a.Area).HasColumnName("area");
        builder.HasOne<AlarmRow>().WithOne().HasForeignKey<AlarmAreaRow>(a => a.AlarmId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_alarm_areas_alarms_alarm_id");
    }
}
