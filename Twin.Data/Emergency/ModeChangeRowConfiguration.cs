using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Emergency;

internal sealed class ModeChangeRowConfiguration : IEntityTypeConfiguration<ModeChangeRow>
{
    public void Configure(EntityTypeBuilder<ModeChangeRow> builder)
    {
        builder.ToTable("mode_changes");
        builder.HasKey(m => m.Id).HasName("pk_mode_changes");
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(m => m.IncidentId).HasColumnName("incident_id");
        builder.Property(m => m.Kind).HasColumnName("kind").HasConversion<string>();
        builder.Property(m => m.Type).HasColumnName("type").HasConversion<string>();
        builder.Property(m => m.Level).HasColumnName("level").HasConversion<string>();
        builder.Property(m => m.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(m => m.Actor).HasColumnName("actor");
        builder.Property(m => m.Role).HasColumnName("role").HasConversion<string>();
        builder.Property(m => m.Reason).HasColumnName("reason");
        builder.Property(m => m.ProposalId).HasColumnName("proposal_id");
        builder.HasIndex(m => m.IncidentId).HasDatabaseName("ix_mode_changes_incident_id");
    }
}
