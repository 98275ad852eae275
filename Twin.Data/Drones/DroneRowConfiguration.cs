using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Drones;

internal sealed class DroneRowConfiguration : IEntityTypeConfiguration<DroneRow>
{
    public void Configure(EntityTypeBuilder<DroneRow> builder)
    {
        builder.ToTable("drones");
        builder.HasKey(d => d.Id).HasName("pk_drones");
        builder.Property(d => d.Id).HasColumnName("id");
        builder.Property(d => d.Model).HasColumnName("model");
        builder.Property(d => d.HomeLon).HasColumnName("home_lon");
        builder.Property(d => d.HomeLat).HasColumnName("home_lat");
        builder.Property(d => d.MaxSpeedMps).HasColumnName("max_speed_mps");
        builder.Property(d => d.FeedUrl).HasColumnName("feed_url");
        builder.Property(d => d.Status).HasColumnName("status").HasConversion<string>();
        builder.Property(d => d.Lon).HasColumnName("lon");
        builder.Property(d => d.Lat).HasColumnName("lat");
        builder.Property(d => d.AltitudeMetres).HasColumnName("altitude_m");
        builder.Property(d => d.HeadingDegrees).HasColumnName("heading_deg");
        builder.Property(d => d.SpeedMps).HasColumnName("speed_mps");
        builder.Property(d => d.BatteryPercent).HasColumnName("battery_percent");
        builder.Property(d => d.LinkPercent).HasColumnName("link_percent");
        builder.Property(d => d.LastTelemetryAt).HasColumnName("last_telemetry_at").HasConversion(UtcTicks.Converter);
        builder.Property(d => d.MissionId).HasColumnName("mission_id");
    }
}
