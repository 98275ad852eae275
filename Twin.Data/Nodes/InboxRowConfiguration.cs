using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Nodes;

internal sealed class InboxRowConfiguration : IEntityTypeConfiguration<InboxRow>
{
    public void Configure(EntityTypeBuilder<InboxRow> builder)
    {
        builder.ToTable("inbox");
        builder.HasKey(r => r.Id).HasName("pk_inbox");
        builder.Property(r => r.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(r => r.Kind).HasColumnName("kind");
        builder.Property(r => r.Body).HasColumnName("body");
        builder.Property(r => r.QueuedAt).HasColumnName("queued_at").HasConversion(UtcTicks.Converter);
        builder.Property(r => r.Outcome).HasColumnName("outcome");
        builder.Property(r => r.AnsweredAt).HasColumnName("answered_at").HasConversion(UtcTicks.Converter);

        // The writer's question (what is not yet answered, in order) and the retention pass's (answered before …).
        builder.HasIndex(r => r.AnsweredAt).HasDatabaseName("ix_inbox_answered_at");
    }
}
