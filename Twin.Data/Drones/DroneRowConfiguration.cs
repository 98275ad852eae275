using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;
using Twin.Data.Tickets;

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

internal sealed class EvidenceRowConfiguration : IEntityTypeConfiguration<EvidenceRow>
{
    public void Configure(EntityTypeBuilder<EvidenceRow> builder)
    {
        builder.ToTable("evidence");
        builder.HasKey(e => e.Id).HasName("pk_evidence");
        builder.Property(e => e.Id).HasColumnName("id");
        builder.Property(e => e.TicketId).HasColumnName("ticket_id");
        builder.Property(e => e.DroneId).HasColumnName("drone_id");
        builder.Property(e => e.CapturedAt).HasColumnName("captured_at").HasConversion(UtcTicks.Converter);
        builder.Property(e => e.Lon).HasColumnName("lon");
        builder.Property(e => e.Lat).HasColumnName("lat");
        builder.Property(e => e.AltitudeMetres).HasColumnName("altitude_m");
        builder.Property(e => e.Sha256).HasColumnName("sha256");
        builder.Property(e => e.Actor).HasColumnName("actor");
        builder.Property(e => e.Jpeg).HasColumnName("jpeg");
        builder.HasIndex(e => e.TicketId).HasDatabaseName("ix_evidence_ticket_id");
        builder.HasOne<TicketRow>().WithMany().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_evidence_tickets_ticket_id");
        builder.HasOne<DroneRow>().WithMany().HasForeignKey(e => e.DroneId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_evidence_drones_drone_id");
    }
}
