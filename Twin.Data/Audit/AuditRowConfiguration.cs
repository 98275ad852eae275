using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Audit;

internal sealed class AuditRowConfiguration : IEntityTypeConfiguration<AuditRow>
{
    public void Configure(EntityTypeBuilder<AuditRow> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(a => a.Id).HasName("pk_audit_log");
        // Ids are assigned by the writer as head + 1: the chain needs them gapless.
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(a => a.Actor).HasColumnName("actor");
        builder.Property(a => a.Action).HasColumnName("action");
        builder.Property(a => a.Target).HasColumnName("target");
        builder.Property(a => a.Outcome).HasColumnName("outcome");
        builder.Property(a => a.Detail).HasColumnName("detail");
        builder.Property(a => a.Ip).HasColumnName("ip");
        builder.Property(a => a.UserAgent).HasColumnName("user_agent");
        builder.Property(a => a.PrevHash).HasColumnName("prev_hash");
        builder.Property(a => a.Hash).HasColumnName("hash");
        builder.HasIndex(a => a.At).HasDatabaseName("ix_audit_log_at");
        builder.HasIndex(a => new { a.Actor, a.At }).HasDatabaseName("ix_audit_log_actor_at");
    }
}
