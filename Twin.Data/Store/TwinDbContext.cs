using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Accounts;
using Twin.Data.Audit;
using Twin.Data.Alarms;
using Twin.Data.Drones;
using Twin.Data.Emergency;
using Twin.Data.Sensors;
using Twin.Data.Tickets;

namespace Twin.Data.Store;

/// <summary>
/// The schema and the read side. The hot write path does not go through change tracking (EF does
/// not batch inserts on SQLite); <see cref="TwinStore"/> writes with prepared commands. Accounts
/// (ASP.NET Core Identity), sessions, wall devices and the audit log live in the same file.
/// </summary>
public sealed class TwinDbContext(DbContextOptions<TwinDbContext> options) : IdentityDbContext<TwinUser>(options)
{
    public DbSet<SensorRow> Sensors => Set<SensorRow>();

    public DbSet<ObservationRow> Observations => Set<ObservationRow>();

    public DbSet<HourlyRollupRow> HourlyRollups => Set<HourlyRollupRow>();

    public DbSet<DailyRollupRow> DailyRollups => Set<DailyRollupRow>();

    public DbSet<TicketRow> Tickets => Set<TicketRow>();

    public DbSet<TicketHistoryRow> TicketHistory => Set<TicketHistoryRow>();

    public DbSet<AlarmRow> Alarms => Set<AlarmRow>();

    public DbSet<AlarmHistoryRow> AlarmHistory => Set<AlarmHistoryRow>();

    public DbSet<AlarmAreaRow> AlarmAreas => Set<AlarmAreaRow>();

    public DbSet<AlarmSnapshotRow> AlarmSnapshots => Set<AlarmSnapshotRow>();

    public DbSet<DroneRow> Drones => Set<DroneRow>();

    public DbSet<DroneTelemetryRow> DroneTelemetry => Set<DroneTelemetryRow>();

    public DbSet<MissionRow> Missions => Set<MissionRow>();

    public DbSet<EvidenceRow> Evidence => Set<EvidenceRow>();

    public DbSet<Field.FieldReportRow> FieldReports => Set<Field.FieldReportRow>();

    public DbSet<Field.FieldPhotoRow> FieldPhotos => Set<Field.FieldPhotoRow>();

    public DbSet<ModeChangeRow> ModeChanges => Set<ModeChangeRow>();

    public DbSet<ModeProposalRow> ModeProposals => Set<ModeProposalRow>();

    public DbSet<ChecklistStepRow> ChecklistSteps => Set<ChecklistStepRow>();

    public DbSet<ChecklistHistoryRow> ChecklistHistory => Set<ChecklistHistoryRow>();

    public DbSet<StockRow> Stock => Set<StockRow>();

    public DbSet<StockMovementRow> StockMovements => Set<StockMovementRow>();

    public DbSet<SessionRow> Sessions => Set<SessionRow>();

    public DbSet<WallDeviceRow> WallDevices => Set<WallDeviceRow>();

    public DbSet<Organisations.OrganisationRow> Organisations => Set<Organisations.OrganisationRow>();

    public DbSet<AuditRow> AuditLog => Set<AuditRow>();

    public DbSet<Briefing.DailyBriefingRow> DailyBriefings => Set<Briefing.DailyBriefingRow>();

    /// <summary>Commands follower nodes hand to the writer (docs/two-nodes.md).</summary>
    public DbSet<Nodes.InboxRow> Inbox => Set<Nodes.InboxRow>();

    /// <summary>Organisations' webhooks, their URLs and secrets encrypted by the app.</summary>
    public DbSet<Notifications.WebhookRow> Webhooks => Set<Notifications.WebhookRow>();

    /// <summary>Notifications that failed every try, for an admin to retry.</summary>
    public DbSet<Notifications.DeadLetterRow> DeadLetters => Set<Notifications.DeadLetterRow>();

    /// <summary>The current writer's epoch, checked inside each of its batches (docs/two-nodes.md).</summary>
    public DbSet<Nodes.WriterFenceRow> WriterFence => Set<Nodes.WriterFenceRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TwinDbContext).Assembly);
    }
}
