using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Twin.Data.Store;

namespace Twin.Data.Tickets;

internal sealed class TicketRowConfiguration : IEntityTypeConfiguration<TicketRow>
{
    public void Configure(EntityTypeBuilder<TicketRow> builder)
    {
        builder.ToTable("tickets");
        builder.HasKey(t => t.Id).HasName("pk_tickets");
        builder.Property(t => t.Id).HasColumnName("id");
        builder.Property(t => t.Channel).HasColumnName("channel").HasConversion<string>();
        builder.Property(t => t.CategoryCode).HasColumnName("category_code");
        builder.Property(t => t.Title).HasColumnName("title");
        builder.Property(t => t.Description).HasColumnName("description");
        builder.Property(t => t.Lon).HasColumnName("lon");
        builder.Property(t => t.Lat).HasColumnName("lat");
        builder.Property(t => t.Address).HasColumnName("address");
        builder.Property(t => t.SubDistrictCode).HasColumnName("sub_district_code");
        builder.Property(t => t.NeighbourhoodCode).HasColumnName("neighbourhood_code");
        builder.Property(t => t.ReporterMasked).HasColumnName("reporter_masked");
        builder.Property(t => t.PhoneMasked).HasColumnName("phone_masked");
        builder.Property(t => t.ReporterName).HasColumnName("reporter_name");
        builder.Property(t => t.ReporterPhone).HasColumnName("reporter_phone");
        builder.Property(t => t.ReporterStatement).HasColumnName("reporter_statement");
        builder.Property(t => t.Priority).HasColumnName("priority").HasConversion<string>();
        builder.Property(t => t.Status).HasColumnName("status").HasConversion<string>();
        builder.Property(t => t.InCorridor).HasColumnName("in_corridor");
        builder.Property(t => t.ReportedAt).HasColumnName("reported_at").HasConversion(UtcTicks.Converter);
        builder.Property(t => t.UpdatedAt).HasColumnName("updated_at").HasConversion(UtcTicks.Converter);
        builder.Property(t => t.DispatchedAt).HasColumnName("dispatched_at").HasConversion(UtcTicks.Converter);
        builder.Property(t => t.ClosedAt).HasColumnName("closed_at").HasConversion(UtcTicks.Converter);

        // 一口派单 (migration Dispatch): defaults let rows written before it read as undispatched, unsupervised cases.
        builder.Property(t => t.Department).HasColumnName("department");
        builder.Property(t => t.CoordinatingDepartments).HasColumnName("coordinating_departments").HasDefaultValue(string.Empty);
        builder.Property(t => t.SupervisionLevel).HasColumnName("supervision_level").HasDefaultValue(0);
        builder.Property(t => t.StepDueAt).HasColumnName("step_due_at").HasConversion(UtcTicks.Converter);
        builder.Property(t => t.OverdueSteps).HasColumnName("overdue_steps").HasDefaultValue(0);
        builder.Property(t => t.ReopenedCount).HasColumnName("reopened_count").HasDefaultValue(0);
        builder.Property(t => t.MergedIntoId).HasColumnName("merged_into_id");
        builder.Property(t => t.DuplicatesCount).HasColumnName("duplicates_count").HasDefaultValue(0);
        builder.Property(t => t.PossibleDuplicateOf).HasColumnName("possible_duplicate_of");
        builder.Property(t => t.Satisfied).HasColumnName("satisfied");
        builder.Property(t => t.SourceAlarmId).HasColumnName("source_alarm_id");

        // The three legs of the start-up query (open, reported since yesterday, closed within the 评价 window).
        builder.HasIndex(t => t.Status).HasDatabaseName("ix_tickets_status");
        builder.HasIndex(t => t.ReportedAt).HasDatabaseName("ix_tickets_reported_at");
        builder.HasIndex(t => t.ClosedAt).HasDatabaseName("ix_tickets_closed_at");

        // The reports merged into one case, for the console's case view and for a split.
        builder.HasIndex(t => t.MergedIntoId).HasDatabaseName("ix_tickets_merged_into_id");
    }
}
