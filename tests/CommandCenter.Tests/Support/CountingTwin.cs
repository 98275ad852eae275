using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Alarms;
using Twin.Data.Boundary;
using Twin.Data.Search;
using Twin.Data.Sensors;
using Twin.Domain.Alarms;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Tickets;
using Twin.Domain.Organisations;

namespace CommandCenter.Tests.Support;

/// <summary>The boundary with every crossing written down, to show which paths cross it how often.</summary>
public sealed class CountingCommands(ITwinCommands inner) : ITwinCommands
{
    public ConcurrentQueue<TwinCommand> Submitted { get; } = new();

    public Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default)
    {
        Submitted.Enqueue(command);
        return inner.SubmitAsync(command, ct);
    }

    public Task<IReadOnlyList<CommandOutcome>> SubmitAllAsync(IReadOnlyList<TwinCommand> commands, CancellationToken ct = default)
    {
        foreach (var command in commands)
        {
            Submitted.Enqueue(command);
        }

        return inner.SubmitAllAsync(commands, ct);
    }

    public bool TryPost(TwinCommand command) => inner.TryPost(command);
}

/// <summary>Counts the reads that reach the store; the in-memory picture (<see cref="Current"/>) is not one.</summary>
public sealed class CountingQueries(ITwinQueries inner) : ITwinQueries
{
    public ConcurrentQueue<string> StoreReads { get; } = new();

    public TwinSnapshot Current => inner.Current;

    public bool IsReady => inner.IsReady;

    public Task WaitUntilReadyAsync(CancellationToken ct = default) => inner.WaitUntilReadyAsync(ct);

    public Task<TicketState?> FindTicketAsync(string id, CancellationToken ct = default) =>
        Read(nameof(FindTicketAsync), inner.FindTicketAsync(id, ct));

    public Task<IReadOnlyList<TicketState>> QueryTicketsAsync(TicketQuery query, CancellationToken ct = default) =>
        Read(nameof(QueryTicketsAsync), inner.QueryTicketsAsync(query, ct));

    public Task<SearchResult> SearchAsync(SearchQuery query, AccessScope scope, CancellationToken ct = default) =>
        Read(nameof(SearchAsync), inner.SearchAsync(query, scope, ct));

    public TwinSnapshot CurrentFor(AccessScope scope) => scope.View(inner.Current);

    public Task<TicketState?> FindTicketAsync(string id, AccessScope scope, CancellationToken ct = default) =>
        Read(nameof(FindTicketAsync), inner.FindTicketAsync(id, scope, ct));

    /// <summary>Judged against the in-memory picture, not the store: not counted.</summary>
    public Task<Twin.Domain.Dispatch.DuplicateMatch?> FindDuplicateOfDraftAsync(DuplicateDraft draft, CancellationToken ct = default) =>
        inner.FindDuplicateOfDraftAsync(draft, ct);

    public Task<IReadOnlyList<TicketTransition>> GetTicketHistoryAsync(string ticketId, CancellationToken ct = default) =>
        Read(nameof(GetTicketHistoryAsync), inner.GetTicketHistoryAsync(ticketId, ct));

    public Task<IReadOnlyList<Twin.Data.Sensors.SensorHistoryPoint>> GetSensorHistoryAsync(string sensorId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default) =>
        Read(nameof(GetSensorHistoryAsync), inner.GetSensorHistoryAsync(sensorId, from, to, ct));

    public Task<AlarmState?> FindAlarmBySourceAsync(AlarmSource source, string sourceId, CancellationToken ct = default) =>
        Read(nameof(FindAlarmBySourceAsync), inner.FindAlarmBySourceAsync(source, sourceId, ct));

    public Task<IReadOnlyList<AlarmHistoryEntry>> GetAlarmHistoryAsync(string alarmId, CancellationToken ct = default) =>
        Read(nameof(GetAlarmHistoryAsync), inner.GetAlarmHistoryAsync(alarmId, ct));

    public Task<StoredObservation?> GetObservationAsync(long id, CancellationToken ct = default) =>
        Read(nameof(GetObservationAsync), inner.GetObservationAsync(id, ct));

    public Task<ObservationPage> QueryObservationsAsync(ObservationQuery query, CancellationToken ct = default) =>
        Read(nameof(QueryObservationsAsync), inner.QueryObservationsAsync(query, ct));

    public Task<Reporter?> GetReporterContactAsync(string ticketId, CancellationToken ct = default) =>
        Read(nameof(GetReporterContactAsync), inner.GetReporterContactAsync(ticketId, ct));

    public Task<IReadOnlyList<EvidenceInfo>> GetEvidenceAsync(string ticketId, CancellationToken ct = default) =>
        Read(nameof(GetEvidenceAsync), inner.GetEvidenceAsync(ticketId, ct));

    public Task<(byte[] Jpeg, string Sha256)?> GetEvidenceImageAsync(string evidenceId, CancellationToken ct = default) =>
        Read(nameof(GetEvidenceImageAsync), inner.GetEvidenceImageAsync(evidenceId, ct));

    public Task<(byte[] Jpeg, string Sha256)?> GetAlarmSnapshotAsync(string alarmId, CancellationToken ct = default) =>
        Read(nameof(GetAlarmSnapshotAsync), inner.GetAlarmSnapshotAsync(alarmId, ct));

    public Task<FieldReportInfo?> GetFieldReportAsync(string key, CancellationToken ct = default) =>
        Read(nameof(GetFieldReportAsync), inner.GetFieldReportAsync(key, ct));

    public Task<IReadOnlyList<FieldReportInfo>> GetFieldReportsAsync(string ticketId, CancellationToken ct = default) =>
        Read(nameof(GetFieldReportsAsync), inner.GetFieldReportsAsync(ticketId, ct));

    public Task<(byte[] Image, string ContentType, string Sha256)?> GetFieldPhotoAsync(string photoId, CancellationToken ct = default) =>
        Read(nameof(GetFieldPhotoAsync), inner.GetFieldPhotoAsync(photoId, ct));

    public Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(CancellationToken ct = default) =>
        Read(nameof(ListIncidentsAsync), inner.ListIncidentsAsync(ct));

    public Task<AfterActionReport?> GetAfterActionReportAsync(string incidentId, CancellationToken ct = default) =>
        Read(nameof(GetAfterActionReportAsync), inner.GetAfterActionReportAsync(incidentId, ct));

    private Task<T> Read<T>(string name, Task<T> read)
    {
        StoreReads.Enqueue(name);
        return read;
    }
}

public static class CountingTwinServices
{
    /// <summary>Puts the counting boundary in front of the app's own, for every service that asks for it.</summary>
    public static IServiceCollection AddCountingBoundary(this IServiceCollection services)
    {
        services.AddSingleton(sp => new CountingCommands(ActivatorUtilities.CreateInstance<TwinCommands>(sp)));
        services.AddSingleton<ITwinCommands>(sp => sp.GetRequiredService<CountingCommands>());
        services.AddSingleton(sp => new CountingQueries(ActivatorUtilities.CreateInstance<TwinQueries>(sp)));
        services.AddSingleton<ITwinQueries>(sp => sp.GetRequiredService<CountingQueries>());
        return services;
    }
}
