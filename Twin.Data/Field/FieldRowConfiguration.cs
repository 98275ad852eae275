using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;
using Twin.Data.Tickets;

namespace Twin.Data.Field;

internal sealed class FieldReportRowConfiguration : IEntityTypeConfiguration<FieldReportRow>
{
    public void Configure(EntityTypeBuilder<FieldReportRow> builder)
    {
        builder.ToTable("field_reports");
        builder.HasKey(r => r.Key).HasName("pk_field_reports");
        builder.Property(r => r.Key).HasColumnName("key");
        builder.Property(r => r.TicketId).HasColumnName("ticket_id");
        builder.Property(r => r.Actor).HasColumnName("actor");
        builder.Property(r => r.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(r => r.Note).HasColumnName("note");
        builder.Property(r => r.Content).HasColumnName("content");
        builder.HasIndex(r => r.TicketId).HasDatabaseName("ix_field_reports_ticket_id");
        builder.HasOne<TicketRow>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_field_reports_tickets_ticket_id");
    }
}

internal sealed class FieldPhotoRowConfiguration : IEntityTypeConfiguration<FieldPhotoRow>
{
    public void Configure(EntityTypeBuilder<FieldPhotoRow> builder)
    {
        builder.ToTable("field_photos");
        builder.HasKey(p => p.Id).HasName("pk_field_photos");
        builder.Property(p => p.Id).HasColumnName("id");
        builder.Property(p => p.ReportKey).HasColumnName("report_key");
        builder.Property(p => p.TicketId).HasColumnName("ticket_id");
        builder.Property(p => p.Position).HasColumnName("position");
        builder.Property(p => p.ContentType).HasColumnName("content_type");
        builder.Property(p => p.Image).HasColumnName("image");
        builder.Property(p => p.Bytes).HasColumnName("bytes");
        builder.Property(p => p.Sha256).HasColumnName("sha256");
        builder.Property(p => p.OriginalSha256).HasColumnName("original_sha256");
        builder.Property(p => p.ExifLon).HasColumnName("exif_lon");
        builder.Property(p => p.ExifLat).HasColumnName("exif_lat");
        builder.Property(p => p.TakenAt).HasColumnName("taken_at").HasConversion(UtcTicks.Converter);
        builder.Property(p => p.UploadedAt).HasColumnName("uploaded_at").HasConversion(UtcTicks.Converter);
        builder.HasIndex(p => p.ReportKey).HasDatabaseName("ix_field_photos_report_key");
        builder.HasIndex(p => p.TicketId).HasDatabaseName("ix_field_photos_ticket_id");
        builder.HasIndex(p => p.UploadedAt).HasDatabaseName("ix_field_photos_uploaded_at");
        builder.HasOne<FieldReportRow>().WithMany().HasForeignKey(p => p.ReportKey).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_field_photos_field_reports_report_key");
    }
}
