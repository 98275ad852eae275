using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Tickets;

internal sealed class TicketHistoryRowConfiguration : IEntityTypeConfiguration<TicketHistoryRow>
{
    public void Configure(EntityTypeBuilder<TicketHistoryRow> builder)
    {
        builder.ToTable("ticket_history");
        builder.HasKey(h => h.Id).HasName("pk_ticket_history");
        builder.Property(h => h.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(h => h.TicketId).HasColumnName("ticket_id");
        builder.Property(h => h.FromStatus).HasColumnName("from_status").HasConversion<string>();
        builder.Property(h => h.ToStatus).HasColumnName("to_status").HasConversion<string>();
        builder.Property(h => h.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(h => h.Actor).HasColumnName("actor");
        builder.Property(h => h.Note).HasColumnName("note");
        builder.HasIndex(h => h.TicketId).HasDatabaseName("ix_ticket_history_ticket_id");
        builder.HasOne<TicketRow>().WithMany().HasForeignKey(h => h.TicketId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_ticket_history_tickets_ticket_id");
    }
}
