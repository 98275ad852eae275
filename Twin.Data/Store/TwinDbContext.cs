using Microsoft.EntityFrameworkCore;
using Twin.Data.Alarms;
using Twin.Data.Drones;
using Twin.Data.Sensors;
using Twin.Data.Tickets;

namespace Twin.Data.Store;

/// <summary>
/// The schema and the read side. The hot write path does not go through change tracking (EF does
/// not batch inserts on SQLite); <see cref="TwinStore"/> writes with prepared commands.
/// </summary>
public sealed class TwinDbContext(DbContextOptions<TwinDbContext> options) : DbContext(options)
{
    public DbSet<SensorRow> Sensors => Set<SensorRow>();

    public DbSet<ObservationRow> Observations => Set<ObservationRow>();

    public DbSet<TicketRow> Tickets => Set<TicketRow>();

    public DbSet<TicketHistoryRow> TicketHistory => Set<TicketHistoryRow>();

    public DbSet<AlarmRow> Alarms => Set<AlarmRow>();

    public DbSet<AlarmHistoryRow> AlarmHistory => Set<AlarmHistoryRow>();

    public DbSet<AlarmAreaRow> AlarmAreas => Set<AlarmAreaRow>();

    public DbSet<DroneRow> Drones => Set<DroneRow>();

    public DbSet<DroneTelemetryRow> DroneTelemetry => Set<DroneTelemetryRow>();

    public DbSet<MissionRow> Missions => Set<MissionRow>();

    public DbSet<EvidenceRow> Evidence => Set<EvidenceRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TwinDbContext).Assembly);
}
