using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Emergency;

internal sealed class ChecklistStepRowConfiguration : IEntityTypeConfiguration<ChecklistStepRow>
{
    public void Configure(EntityTypeBuilder<ChecklistStepRow> builder)
    {
        builder.ToTable("checklist_steps");
        builder.HasKey(s => new { s.IncidentId, s.StepId }).HasName("pk_checklist_steps");
        builder.Property(s => s.IncidentId).HasColumnName("incident_id");
        builder.Property(s => s.StepId).HasColumnName("step_id");
        builder.Property(s => s.Level).HasColumnName("level").HasConversion<string>();
        builder.Property(s => s.TitleZh).HasColumnName("title_zh");
        builder.Property(s => s.TitleEn).HasColumnName("title_en");
        builder.Property(s => s.Department).HasColumnName("department");
        builder.Property(s => s.StartedAt).HasColumnName("started_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.DueAt).HasColumnName("due_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.Status).HasColumnName("status").HasConversion<string>();
        builder.Property(s => s.SupervisionLevel).HasColumnName("supervision_level");
        builder.Property(s => s.DoneAt).HasColumnName("done_at").HasConversion(UtcTicks.Converter);
        builder.Property(s => s.DoneBy).HasColumnName("done_by");
        builder.Property(s => s.Note).HasColumnName("note");
    }
}
