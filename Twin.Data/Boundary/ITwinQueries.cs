using Twin.Data.Alarms;
using Twin.Data.Search;
using Twin.Data.Sensors;
using Twin.Domain.Alarms;
using Twin.Domain.Dispatch;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace Twin.Data.Boundary;

/// <summary>
/// What the twin knows, read without going through the writer: the current picture in memory, and
/// what only the store keeps (histories, readings, evidence). Each store read is one question with
/// its own request and answer types, so history search is one more method of the same kind.
/// </summary>
public interface ITwinQueries
{
    /// <summary>The latest published picture (never null; empty until the twin has started).</summary>
    TwinSnapshot Current { get; }

    /// <summary>True once the twin has been rebuilt from its store and <see cref="Current"/> shows it.</summary>
    bool IsReady { get; }

    /// <summary>Completes once the twin has been rebuilt from its store (faults if it could not start).</summary>
    Task WaitUntilReadyAsync(CancellationToken ct = default);

    /// <summary>The current picture as <paramref name="scope"/> sees it (<see cref="AccessScope.View"/>).</summary>
    TwinSnapshot CurrentFor(AccessScope scope);

    /// <summary>A stored ticket of any age, for the twin's own callers (feeds, evidence); a person's reads go through the scoped overload.</summary>
    Task<TicketState?> FindTicketAsync(string id, CancellationToken ct = default);

    /// <summary>A stored ticket of any age, or null when there is none or <paramref name="scope"/> does not see it.</summary>
    Task<TicketState?> FindTicketAsync(string id, AccessScope scope, CancellationToken ct = default);

    /// <summary>Tickets whose id starts with <paramref name="query"/>'s prefix, newest first.</summary>
    Task<IReadOnlyList<TicketState>> QueryTicketsAsync(TicketQuery query, CancellationToken ct = default);

    /// <summary>Every stored ticket (any age), alarm, sensor and place matching a valid <paramref name="query"/> that <paramref name="scope"/> sees; see <see cref="SearchQuery.Validate"/>.</summary>
    Task<SearchResult> SearchAsync(SearchQuery query, AccessScope scope, CancellationToken ct = default);

    /// <summary>
    /// The open case a report not yet filed (the desk's draft) would duplicate, judged by the engine's
    /// rules against <see cref="Current"/>, or null. Reads only: nothing is reported.
    /// </summary>
    Task<DuplicateMatch?> FindDuplicateOfDraftAsync(DuplicateDraft draft, CancellationToken ct = default);

    Task<IReadOnlyList<TicketTransition>> GetTicketHistoryAsync(string ticketId, CancellationToken ct = default);

    Task<AlarmState?> FindAlarmBySourceAsync(AlarmSource source, string sourceId, CancellationToken ct = default);

    Task<IReadOnlyList<AlarmHistoryEntry>> GetAlarmHistoryAsync(string alarmId, CancellationToken ct = default);

    /// <summary>
    /// A sensor's readings over [<paramref name="from"/>, <paramref name="to"/>), oldest first: raw
    /// where the store still keeps them, hourly rollups before that.
    /// </summary>
    Task<IReadOnlyList<SensorHistoryPoint>> GetSensorHistoryAsync(string sensorId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default);

    Task<StoredObservation?> GetObservationAsync(long id, CancellationToken ct = default);

    Task<ObservationPage> QueryObservationsAsync(ObservationQuery query, CancellationToken ct = default);

    /// <summary>A ticket's reporter in clear: only for the audited reveal.</summary>
    Task<Reporter?> GetReporterContactAsync(string ticketId, CancellationToken ct = default);

    Task<IReadOnlyList<EvidenceInfo>> GetEvidenceAsync(string ticketId, CancellationToken ct = default);

    Task<(byte[] Jpeg, string Sha256)?> GetEvidenceImageAsync(string evidenceId, CancellationToken ct = default);

    /// <summary>An AI alarm's snapshot; null when it has none or retention removed the image.</summary>
    Task<(byte[] Jpeg, string Sha256)?> GetAlarmSnapshotAsync(string alarmId, CancellationToken ct = default);

    /// <summary>A field report by its submission key, as stored (the same answer for every copy of one submission).</summary>
    Task<FieldReportInfo?> GetFieldReportAsync(string key, CancellationToken ct = default);

    /// <summary>A ticket's field reports with their photos' evidence records, oldest first.</summary>
    Task<IReadOnlyList<FieldReportInfo>> GetFieldReportsAsync(string ticketId, CancellationToken ct = default);

    /// <summary>A field photo as served: the image without its metadata; null when unknown or past its retention.</summary>
    Task<(byte[] Image, string ContentType, string Sha256)?> GetFieldPhotoAsync(string photoId, CancellationToken ct = default);

    /// <summary>Every emergency incident, latest first.</summary>
    Task<IReadOnlyList<IncidentSummary>> ListIncidentsAsync(CancellationToken ct = default);

    /// <summary>复盘 of one incident (up to now while it runs); null when there is no such incident.</summary>
    Task<AfterActionReport?> GetAfterActionReportAsync(string incidentId, CancellationToken ct = default);
}

/// <summary>Open311's ticket query: an id prefix, optional filters, a time window and a limit.</summary>
public sealed record TicketQuery(
    string IdPrefix,
    IReadOnlyCollection<string>? Ids,
    IReadOnlyCollection<string>? CategoryCodes,
    IReadOnlyCollection<TicketStatus>? Statuses,
    DateTimeOffset From,
    DateTimeOffset To,
    int Limit);

/// <summary>A report being written: its category, place, time and words, as the duplicate rules weigh them.</summary>
public sealed record DuplicateDraft(string CategoryCode, GeoPoint Location, DateTimeOffset At, string Text);
