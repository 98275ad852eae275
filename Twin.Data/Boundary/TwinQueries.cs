using Twin.Data.Pipeline;
using Twin.Data.Alarms;
using Twin.Data.Search;
using Twin.Data.Sensors;
using Twin.Data.Store;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace Twin.Data.Boundary;

/// <summary><see cref="ITwinQueries"/>: the pipeline's published snapshot and the store's reads, once the store is migrated.</summary>
public sealed class TwinQueries(TwinPipeline pipeline, TwinStore store, TwinReadiness readiness, DuplicateDetector duplicates) : ITwinQueries
{
    public TwinSnapshot Current => pipeline.Current;

    public bool IsReady => readiness.Ready.IsCompletedSuccessfully;

    public Task WaitUntilReadyAsync(CancellationToken ct = default) => readiness.Ready.WaitAsync(ct);

    public async Task<TicketState?> FindTicketAsync(string id, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.FindTicketAsync(id, ct);
    }

    public TwinSnapshot CurrentFor(AccessScope scope) => scope.View(pipeline.Current);

    public async Task<TicketState?> FindTicketAsync(string id, AccessScope scope, CancellationToken ct = default) =>
        await FindTicketAsync(id, ct) is { } ticket && scope.Sees(ticket) ? ticket : null;

    public async Task<IReadOnlyList<TicketState>> QueryTicketsAsync(TicketQuery query, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.QueryTicketsAsync(query.IdPrefix, query.Ids, query.CategoryCodes, query.Statuses, query.From, query.To, query.Limit, ct);
    }

    public async Task<SearchResult> SearchAsync(SearchQuery query, AccessScope scope, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.SearchAsync(query, scope, ct);
    }

    public async Task<DuplicateMatch?> FindDuplicateOfDraftAsync(DuplicateDraft draft, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return duplicates.AssessDraft(pipeline.Current.Tickets, draft.CategoryCode, draft.Location, draft.At, draft.Text);
    }

    public async Task<IReadOnlyList<TicketTransition>> GetTicketHistoryAsync(string ticketId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetTicketHistoryAsync(ticketId, ct);
    }

    public async Task<IReadOnlyList<SensorHistoryPoint>> GetSensorHistoryAsync(string sensorId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetSensorHistoryAsync(sensorId, from, to, ct);
    }

    public async Task<AlarmState?> FindAlarmBySourceAsync(AlarmSource source, string sourceId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.FindAlarmBySourceAsync(source, sourceId, ct);
    }

    public async Task<IReadOnlyList<AlarmHistoryEntry>> GetAlarmHistoryAsync(string alarmId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetAlarmHistoryAsync(alarmId, ct);
    }

    public async Task<StoredObservation?> GetObservationAsync(long id, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetObservationAsync(id, ct);
    }

    public async Task<ObservationPage> QueryObservationsAsync(ObservationQuery query, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.QueryObservationsAsync(query, ct);
    }

    public async Task<Reporter?> GetReporterContactAsync(string ticketId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetReporterContactAsync(ticketId, ct);
    }

    public async Task<IReadOnlyList<EvidenceInfo>> GetEvidenceAsync(string ticketId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetEvidenceAsync(ticketId, ct);
    }

    public async Task<(byte[] Jpeg, string Sha256)?> GetEvidenceImageAsync(string evidenceId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetEvidenceImageAsync(evidenceId, ct);
    }

    public async Task<(byte[] Jpeg, string Sha256)?> GetAlarmSnapshotAsync(string alarmId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetAlarmSnapshotAsync(alarmId, ct);
    }

    public async Task<FieldReportInfo?> GetFieldReportAsync(string key, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetFieldReportAsync(key, ct);
    }

    public async Task<IReadOnlyList<FieldReportInfo>> GetFieldReportsAsync(string ticketId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetFieldReportsAsync(ticketId, ct);
    }

    public async Task<(byte[] Image, string ContentType, string Sha256)?> GetFieldPhotoAsync(string photoId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetFieldPhotoAsync(photoId, ct);
    }

    public async Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.ListIncidentsAsync(ct);
    }

    public async Task<AfterActionReport?> GetAfterActionReportAsync(string incidentId, CancellationToken ct = default)
    {
        await readiness.Ready.WaitAsync(ct);
        return await store.GetAfterActionReportAsync(incidentId, pipeline.Current.At, ct);
    }
}
