using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Emergency;

internal sealed class ChecklistHistoryRowConfiguration : IEntityTypeConfiguration<ChecklistHistoryRow>
{
    public void Configure(EntityTypeBuilder<ChecklistHistoryRow> builder)
    {
        builder.ToTable("checklist_history");
        builder.HasKey(h => h.Id).HasName("pk_checklist_history");
        builder.Property(h => h.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(h => h.IncidentId).HasColumnName("incident_id");
        builder.Property(h => h.StepId).HasColumnName("step_id");
        builder.Property(h => h.Change).HasColumnName("change").HasConversion<string>();
        builder.Property(h => h.At).HasColumnName("at").HasConversion(UtcTicks.Converter);
        builder.Property(h => h.SupervisionLevel).HasColumnName("supervision_level");
        builder.Property(h => h.Actor).HasColumnName("actor");
        builder.Property(h => h.Note).HasColumnName("note");
        builder.HasIndex(h => h.IncidentId).HasDatabaseName("ix_checklist_history_incident_id");
        builder.HasOne<ChecklistStepRow>().WithMany().HasForeignKey(h => new { h.IncidentId, h.StepId }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_checklist_history_checklist_steps");
    }
}
