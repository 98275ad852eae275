using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Drones;

internal sealed class DroneTelemetryRowConfiguration : IEntityTypeConfiguration<DroneTelemetryRow>
{
    public void Configure(EntityTypeBuilder<DroneTelemetryRow> builder)
    {
        builder.ToTable("drone_telemetry");
        builder.HasKey(t => t.Id).HasName("pk_drone_telemetry");
        builder.Property(t => t.Id).HasColumnName("id");
        builder.Property(t => t.DroneId).HasColumnName("drone_id");
        builder.Property(t => t.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(t => t.Lon).HasColumnName("lon");
        builder.Property(t => t.Lat).HasColumnName("lat");
        builder.Property(t => t.AltitudeMetres).HasColumnName("altitude_m");
        builder.Property(t => t.HeadingDegrees).HasColumnName("heading_deg");
        builder.Property(t => t.SpeedMps).HasColumnName("speed_mps");
        builder.Property(t => t.BatteryPercent).HasColumnName("battery_percent");
        builder.Property(t => t.LinkPercent).HasColumnName("link_percent");
        builder.HasIndex(t => new { t.DroneId, t.At }).HasDatabaseName("ix_drone_telemetry_drone_id_at");
        builder.HasOne<DroneRow>().WithMany().HasForeignKey(t => t.DroneId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_drone_telemetry_drones_drone_id");
    }
}
