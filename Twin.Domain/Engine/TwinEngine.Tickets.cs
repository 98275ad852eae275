using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Privacy;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

public sealed partial class TwinEngine
{
    private static readonly int ChannelCount = Enum.GetValues<TicketChannel>().Length;

    private readonly Dictionary<string, TicketState> _tickets = new(StringComparer.Ordinal);
    private readonly int[] _channelToday = new int[ChannelCount];
    private readonly Dictionary<string, int> _citizenCategoriesToday = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _citizenSubDistrictsToday = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _hotWordsToday = new(StringComparer.Ordinal);
    private BucketSeries _ticketsIn = NewHourly();
    private BucketSeries _ticketsClosed = NewHourly();
    private BucketSeries _hotline = new(TimeSpan.FromMinutes(10), 6 * 50);
    private int _backlog;
    private int _ticketsToday;
    private int _closedToday;
    private double _dispatchMinutesSumToday;
    private int _dispatchCountToday;
    private double _closureHoursSumToday;
    private int _closureCountToday;

    public TicketState? FindTicket(string id) => _tickets.GetValueOrDefault(id);

    public InputResult ReportTicket(TicketReport report) => ReportTicket(report, sourceAlarmId: null);

    /// <param name="sourceAlarmId">the alarm the report was filed from; only the engine sets it, never a channel.</param>
    private InputResult ReportTicket(TicketReport report, string? sourceAlarmId)
    {
        if (string.IsNullOrWhiteSpace(report.Id))
        {
            return InputResult.Refused("A ticket needs an id.");
        }

        if (_tickets.ContainsKey(report.Id))
        {
            return InputResult.Refused($"Ticket {report.Id} already exists.");
        }

        if (!Enum.IsDefined(report.Channel))
        {
            return InputResult.Refused($"Ticket {report.Id}: unknown channel {(int)report.Channel}.");
        }

        if (_catalogue.Find(report.CategoryCode ?? string.Empty) is not { } category)
        {
            return InputResult.Refused($"Ticket {report.Id}: unknown category '{report.CategoryCode}'.");
        }

        if (string.IsNullOrWhiteSpace(report.Title))
        {
            return InputResult.Refused($"Ticket {report.Id} needs a title.");
        }

        if (!report.Location.IsValidWgs84)
        {
            return InputResult.Refused($"Ticket {report.Id}: the location is not a valid WGS-84 point.");
        }

        if (!_district.Contains(report.Location))
        {
            return InputResult.Refused($"Ticket {report.Id}: {report.Location} lies outside {_district.Name}.");
        }

        if (report.NeighbourhoodCode is { } code && _district.FindNeighbourhood(code) is null)
        {
            return InputResult.Refused($"Ticket {report.Id}: unknown 居委 code {code}.");
        }

        var now = Now;
        if (IsTooFarAhead(report.ReportedAt, now))
        {
            return InputResult.Refused($"Ticket {report.Id}: reported at {report.ReportedAt:O}, ahead of the twin's clock ({now:O}).");
        }

        RollDayIfNeeded(now);
        var match = AssessDuplicate(report, category.Code);
        var ticket = new TicketState(
            report.Id,
            report.Channel,
            category.Code,
            FreeTextMask.Mask(report.Title.Trim()),
            FreeTextMask.Mask(report.Description?.Trim() ?? string.Empty),
            report.Location,
            report.Address?.Trim() ?? string.Empty,
            _district.SubDistrictFor(report.Location).Code,
            report.NeighbourhoodCode,
            PersonalDataMask.MaskName(report.Reporter?.Name),
            PersonalDataMask.MaskPhone(report.Reporter?.Phone),
            report.Priority ?? category.DefaultPriority,
            TicketStatus.Discovered,
            _district.IsInCorridor(report.Location),
            report.ReportedAt,
            report.ReportedAt,
            null,
            null,
            StepDueAt: report.ReportedAt + LimitsFor(category.Code).Dispatch,
            PossibleDuplicateOf: match?.CaseId,
            DuplicateExplanation: match is { Decision: DuplicateDecision.Candidate } ? match.ExplanationFor(report.Id) : null,
            SourceAlarmId: sourceAlarmId);
        _tickets[ticket.Id] = ticket;
        _backlog++;
        _ticketsIn.Add(ticket.ReportedAt);
        if (ticket.Channel == TicketChannel.Hotline12345)
        {
            _hotline.Add(ticket.ReportedAt);
        }

        if (ticket.ReportedAt >= _todayStart)
        {
            CountReportedToday(ticket);
        }

        // A candidate is explained on the report itself; a merge gets its own step right after.
        var transition = new TicketTransition(ticket.Id, null, TicketStatus.Discovered, ticket.ReportedAt, ticket.Channel.NameZh(), ticket.DuplicateExplanation);
        _pendingEvents.Add(new TicketChanged(NextEventSequence(), now, ticket, transition));
        Version++;
        AfterReported(ticket, match, now);
        return InputResult.Ok;
    }

    /// <summary>
    /// Moves a ticket forward along the loop, any number of steps: the path of simulated staff, so
    /// refused once a person has claimed the ticket. Returns, supervision and merges are
    /// <see cref="DispatchCommand"/>s; a merge is never reached this way.
    /// </summary>
    public InputResult ChangeTicketStatus(string ticketId, TicketStatus to, string actor, string? note = null)
    {
        if (!_tickets.TryGetValue(ticketId ?? string.Empty, out var ticket))
        {
            return InputResult.Refused($"Unknown ticket '{ticketId}'.");
        }

        if (!Enum.IsDefined(to))
        {
            return InputResult.Refused($"Ticket {ticketId}: unknown status {(int)to}.");
        }

        if (to <= ticket.Status || to == TicketStatus.Merged)
        {
            return InputResult.Refused($"Ticket {ticketId}: cannot move from {ticket.Status} to {to}.");
        }

        if (string.IsNullOrWhiteSpace(actor))
        {
            return InputResult.Refused($"Ticket {ticketId}: a status change needs an actor.");
        }

        if (ticket.ClaimedBy is { } claimedBy)
        {
            return RefusedToSimulatedStaff($"Ticket {ticketId}", claimedBy);
        }

        var now = Now;
        RollDayIfNeeded(now);
        return Commit(ticket, EnterStep(ticket, to, now), actor.Trim(), note, now);
    }

    internal static bool IsCitizenChannel(TicketChannel channel) =>
        channel is TicketChannel.Hotline12345 or TicketChannel.CitizenApp or TicketChannel.NonPolice110
            or TicketChannel.DeskCall or TicketChannel.DeskLetter or TicketChannel.DeskVisit;

    private void CountReportedToday(TicketState ticket)
    {
        _ticketsToday++;
        _channelToday[(int)ticket.Channel]++;
        if (!IsCitizenChannel(ticket.Channel))
        {
            return;
        }

        Increment(_citizenCategoriesToday, ticket.CategoryCode);
        Increment(_citizenSubDistrictsToday, ticket.SubDistrictCode);
        foreach (var word in HotWords(ticket, _catalogue))
        {
            Increment(_hotWordsToday, word);
        }
    }

    /// <summary>The category's keywords the citizen used: 城市之声's hot words.</summary>
    internal static IEnumerable<string> HotWords(TicketState ticket, EventCatalogue catalogue) =>
        (catalogue.Find(ticket.CategoryCode)?.Keywords ?? []).Where(word =>
            ticket.Title.Contains(word, StringComparison.Ordinal) || ticket.Description.Contains(word, StringComparison.Ordinal));

    private void RecountToday()
    {
        _ticketsToday = 0;
        _closedToday = 0;
        _backlog = 0;
        Array.Clear(_channelToday);
        _citizenCategoriesToday.Clear();
        _citizenSubDistrictsToday.Clear();
        _hotWordsToday.Clear();
        _dispatchMinutesSumToday = 0;
        _dispatchCountToday = 0;
        _closureHoursSumToday = 0;
        _closureCountToday = 0;
        foreach (var ticket in _tickets.Values)
        {
            if (ticket.Status.IsOpen())
            {
                _backlog++;
            }

            if (ticket.ReportedAt >= _todayStart)
            {
                CountReportedToday(ticket);
            }

            if (ticket.DispatchedAt is { } dispatchedAt && dispatchedAt >= _todayStart)
            {
                _dispatchMinutesSumToday += (dispatchedAt - ticket.ReportedAt).TotalMinutes;
                _dispatchCountToday++;
            }

            if (ticket.ClosedAt is { } closedAt && closedAt >= _todayStart)
            {
                _closedToday++;
                _closureHoursSumToday += (closedAt - ticket.ReportedAt).TotalHours;
                _closureCountToday++;
            }
        }
    }

    private void ResetTickets()
    {
        _tickets.Clear();
        ResetDispatch();
        _ticketsIn = NewHourly();
        _ticketsClosed = NewHourly();
        _hotline = new BucketSeries(TimeSpan.FromMinutes(10), 6 * 50);
    }

    private PulseFigures PulseFigures(DateTimeOffset now) => new(
        _ticketsToday,
        (int)_ticketsIn.SumBetween(now.AddHours(-1), now),
        _closedToday,
        (int)_ticketsClosed.SumBetween(now.AddHours(-1), now),
        _backlog,
        _dispatchCountToday > 0 ? _dispatchMinutesSumToday / _dispatchCountToday : null,
        _closureCountToday > 0 ? _closureHoursSumToday / _closureCountToday : null,
        _ticketsIn.Sums(now, SeriesHours),
        _ticketsClosed.Sums(now, SeriesHours));

    private VoiceFigures VoiceFigures(DateTimeOffset now) => new(
        _channelToday[(int)TicketChannel.Hotline12345],
        (int)_hotline.SumBetween(_todayStart.AddDays(-1), now.AddDays(-1)),
        _channelToday[(int)TicketChannel.CitizenApp],
        Top(_citizenCategoriesToday, code => _catalogue.Find(code)?.NameZh ?? code),
        Top(_citizenSubDistrictsToday, code => _district.FindSubDistrict(code)?.Name ?? code),
        Top(_hotWordsToday, word => word),
        HotlinePerHour(now));

    private double[] HotlinePerHour(DateTimeOffset now)
    {
        var result = new double[SeriesHours];
        var hourStart = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        for (var i = 0; i < SeriesHours; i++)
        {
            var from = hourStart.AddHours(i - SeriesHours + 1);
            result[i] = _hotline.SumBetween(from, from.AddHours(1));
        }

        return result;
    }

    internal static IReadOnlyList<RankedItem> Top(Dictionary<string, int> counts, Func<string, string> name) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5)
            .Select(kv => new RankedItem(kv.Key, name(kv.Key), kv.Value)).ToList();

    internal static void Increment(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static BucketSeries NewHourly() => new(TimeSpan.FromHours(1), 48);
}
