using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Emergency;

internal sealed class ModeProposalRowConfiguration : IEntityTypeConfiguration<ModeProposalRow>
{
    public void Configure(EntityTypeBuilder<ModeProposalRow> builder)
    {
        builder.ToTable("mode_proposals");
        builder.HasKey(p => p.Id).HasName("pk_mode_proposals");
        builder.Property(p => p.Id).HasColumnName("id");
        builder.Property(p => p.Source).HasColumnName("source");
        builder.Property(p => p.SourceRef).HasColumnName("source_ref");
        builder.Property(p => p.Type).HasColumnName("type").HasConversion<string>();
        builder.Property(p => p.Level).HasColumnName("level").HasConversion<string>();
        builder.Property(p => p.Reason).HasColumnName("reason");
        builder.Property(p => p.ProposedAt).HasColumnName("proposed_at").HasConversion(UtcTicks.Converter);
        builder.Property(p => p.Status).HasColumnName("status").HasConversion<string>();
        builder.Property(p => p.DecidedBy).HasColumnName("decided_by");
        builder.Property(p => p.DecidedAt).HasColumnName("decided_at").HasConversion(UtcTicks.Converter);
        builder.Property(p => p.DecisionNote).HasColumnName("decision_note");
        builder.HasIndex(p => p.Status).HasDatabaseName("ix_mode_proposals_status");
    }
}
