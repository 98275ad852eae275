using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Drones;

internal sealed class MissionRowConfiguration : IEntityTypeConfiguration<MissionRow>
{
    public void Configure(EntityTypeBuilder<MissionRow> builder)
    {
        builder.ToTable("missions");
        builder.HasKey(m => m.Id).HasName("pk_missions");
        builder.Property(m => m.Id).HasColumnName("id");
        builder.Property(m => m.DroneId).HasColumnName("drone_id");
        builder.Property(m => m.Kind).HasColumnName("kind").HasConversion<string>();
        builder.Property(m => m.Status).HasColumnName("status").HasConversion<string>();
        builder.Property(m => m.RouteId).HasColumnName("route_id");
        builder.Property(m => m.TargetId).HasColumnName("target_id");
        builder.Property(m => m.Waypoints).HasColumnName("waypoints");
        builder.Property(m => m.PlannedAt).HasColumnName("planned_at").HasConversion(UtcTicks.Converter);
        builder.Property(m => m.ScheduledFor).HasColumnName("scheduled_for").HasConversion(UtcTicks.Converter);
        builder.Property(m => m.UpdatedAt).HasColumnName("updated_at").HasConversion(UtcTicks.Converter);
        builder.Property(m => m.Actor).HasColumnName("actor");
        builder.Property(m => m.Note).HasColumnName("note");
        builder.HasIndex(m => m.Status).HasDatabaseName("ix_missions_status");
        builder.HasOne<DroneRow>().WithMany().HasForeignKey(m => m.DroneId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_missions_drones_drone_id");
    }
}
