using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;
using Twin.Data.Tickets;

namespace Twin.Data.Drones;

internal sealed class EvidenceRowConfiguration : IEntityTypeConfiguration<EvidenceRow>
{
    public void Configure(EntityTypeBuilder<EvidenceRow> builder)
    {
        builder.ToTable("evidence");
        builder.HasKey(e => e.Id).HasName("pk_evidence");
        builder.Property(e => e.Id).HasColumnName("id");
        builder.Property(e => e.TicketId).HasColumnName("ticket_id");
        builder.Property(e => e.DroneId).HasColumnName("drone_id");
        builder.Property(e => e.CameraId).HasColumnName("camera_id");
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
