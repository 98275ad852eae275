using System.Globalization;
using Twin.Domain.Alarms;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace Twin.Domain.Simulation;

public sealed partial class TwinSimulator
{
    /// <summary>
    /// Tickets per Asia/Shanghai hour: quiet at night, peaks mid-morning and mid-afternoon; grid
    /// patrols and departments work fewer hours at weekends, so a weekend day brings about a third less.
    /// </summary>
    private static readonly DailyProfile TicketProfile = new(
    [
        0.30, 0.20, 0.14, 0.11, 0.11, 0.16, 0.35, 0.70, 1.15, 1.55, 1.75, 1.65,
        1.20, 1.15, 1.45, 1.60, 1.50, 1.25, 1.00, 0.95, 0.90, 0.80, 0.62, 0.45,
    ], weekendFactor: 0.65);

    /// <summary>Objects are thrown when people are at home and awake: around midday and in the evening.</summary>
    private static readonly DailyProfile ThrownObjectProfile = new(
    [
        0.20, 0.10, 0.05, 0.05, 0.05, 0.10, 0.30, 0.60, 0.70, 0.70, 0.80, 0.90,
        1.00, 0.90, 0.80, 0.80, 0.90, 1.00, 1.20, 1.30, 1.30, 1.10, 0.70, 0.40,
    ]);

    /// <summary>
    /// Channel mix of the tickets citizens and patrols file (12345 the largest), with the matters each
    /// channel typically brings. The creek's matters are few: some 10 reports a day each along the
    /// creek's few kilometres in the district, where more would put a repeated complaint on every bank. Smart cases and AI video tickets come from sensors and cameras instead.
    /// Codes missing from the loaded catalogue are left out.
    /// </summary>
    private static readonly (TicketChannel Channel, double Weight, (string Code, double Weight)[] Categories)[] ChannelMix =
    [
        (TicketChannel.Hotline12345, 0.45,
        [
            ("noise", 14), ("property", 14), ("illegal-parking", 10), ("group-rental", 8), ("garbage-sorting", 8), ("cooking-fumes", 7),
            ("illegal-construction", 6), ("street-light", 5), ("road-damage", 5), ("lift-fault", 4), ("greening", 4), ("secondary-water", 3),
            ("elderly-help", 3), ("parcel-overflow", 3), ("street-vending", 3), ("site-dust", 3), ("manhole", 2), ("creek-debris", 1),
            ("riverbank-order", 1), ("air-quality", 1),
        ]),
        (TicketChannel.GridPatrol, 0.30,
        [
            ("garbage-sorting", 16), ("street-vending", 14), ("parcel-overflow", 10), ("illegal-parking", 10), ("road-damage", 9),
            ("illegal-construction", 8), ("greening", 8), ("manhole", 6), ("street-light", 6), ("creek-debris", 1), ("riverbank-order", 1),
            ("group-rental", 3),
        ]),
        (TicketChannel.CitizenApp, 0.12,
        [
            ("illegal-parking", 18), ("garbage-sorting", 14), ("road-damage", 12), ("street-vending", 10), ("parcel-overflow", 10),
            ("greening", 8), ("street-light", 8), ("noise", 7), ("manhole", 5), ("creek-debris", 1), ("riverbank-order", 1),
        ]),
        (TicketChannel.VideoPatrol, 0.08,
        [
            ("street-vending", 25), ("illegal-parking", 25), ("parcel-overflow", 15), ("garbage-sorting", 15), ("riverbank-order", 2),
            ("creek-debris", 2),
        ]),
        (TicketChannel.NonPolice110, 0.05,
        [
            ("noise", 40), ("illegal-parking", 20), ("group-rental", 15), ("elderly-help", 15), ("thrown-object", 10),
        ]),
    ];

    /// <summary>Share of thrown-object detections that are confirmed and become an AI video ticket.</summary>
    private const double AiTicketShare = 0.5;

    private const int ProblemBuildings = 5;

    private const double ProblemBuildingShare = 0.3;

    /// <summary>Creek matters are reported on the bank or the riverside path.</summary>
    private const double CreekReportMetres = 150;

    private readonly ArrivalStream _ticketArrivals;
    private readonly ArrivalStream _aiEvents;
    private readonly Random _ticketRng;
    private readonly Random _aiRng;
    private readonly Random _planRng;
    private readonly ChannelCategories[] _channels;
    private readonly ComplaintPlaces _places;
    private readonly Camera[] _aiCameraOrder;
    private long _aiRound;
    private readonly Dictionary<string, Neighbourhood[]> _neighbourhoods;
    private readonly PriorityQueue<TicketPlan, (DateTimeOffset At, long Sequence)> _plans = new();
    private long _planSequence;
    private long _arrivalNumber;
    private DateOnly _ticketDay;
    private int _ticketNumber;
    private TwinSnapshot? _statusSource;
    private Dictionary<string, TicketState> _ticketsInSnapshot = [];

    private static (ArrivalStream Arrivals, ArrivalStream AiEvents, Random TicketRng, Random AiRng, Random PlanRng, ChannelCategories[] Channels)
        CreateTicketSources(EventCatalogue catalogue, SimulatorOptions options)
    {
        var channels = ChannelMix
            .Select(mix => (mix.Channel, mix.Weight, Categories: mix.Categories.Where(c => catalogue.Find(c.Code) is not null).ToArray()))
            .Where(mix => mix.Categories.Length > 0)
            .Select(mix => new ChannelCategories(
                mix.Channel,
                mix.Weight,
                mix.Categories.Select(c => catalogue.Find(c.Code)!).ToArray(),
                DistrictSampler.Cumulative(mix.Categories.Select(c => c.Weight))))
            .ToArray();
        if (channels.Length == 0 && options.TicketsPerDay > 0)
        {
            throw new ArgumentException("None of the simulated ticket categories is in the event catalogue.", nameof(catalogue));
        }

        // TicketsPerDay counts every channel, so the smart cases (about one per breach episode) and the
        // confirmed AI detections are taken out of the citizen and patrol flow.
        var fromDevices = options.BreachEpisodesPerDay + options.AiEventsPerDay * AiTicketShare;
        var arrivals = new ArrivalStream(new Random(options.Seed + 5), Math.Max(0, options.TicketsPerDay - fromDevices), TicketProfile);
        var aiEvents = new ArrivalStream(new Random(options.Seed + 6), options.AiEventsPerDay, ThrownObjectProfile);
        return (arrivals, aiEvents, new Random(options.Seed + 7), new Random(options.Seed + 8), new Random(options.Seed + 9), channels);
    }

    private void ReceiveTickets(DateTimeOffset from, DateTimeOffset to, List<PendingTicket> newTickets)
    {
        var weights = DistrictSampler.Cumulative(_channels.Select(c => c.Weight));
        while (_ticketArrivals.TryTake(to, out var at))
        {
            var number = _arrivalNumber++;
            var channel = _channels[DistrictSampler.PickIndex(weights, _ticketRng.NextDouble())];
            var category = channel.Categories[DistrictSampler.PickIndex(channel.Cumulative, _ticketRng.NextDouble())];
            var (location, subDistrict, place) = _places.Next(category, CreekReportMetres, _ticketRng);
            var reporter = channel.Channel is TicketChannel.VideoPatrol
                ? new Reporter(null, null)
                : new Reporter(TicketTexts.PersonName(_ticketRng), TicketTexts.MobileNumber(_ticketRng));
            var report = Report(channel.Channel, category, location, subDistrict, reporter, at, _ticketRng, place);
            if (at > from)
            {
                newTickets.Add(new PendingTicket(at, SortTicketReport, number, report, category));
            }
        }
    }

    /// <summary>A reading has just left the normal range: the platform opens a smart case (智能案件) at the device.</summary>
    private void AddSmartCase(SimSensor sensor, long observation, DateTimeOffset at, List<PendingTicket> newTickets)
    {
        if (_catalogue.ForSensorKind(sensor.Definition.Kind) is not { } category)
        {
            return;
        }

        // Keyed, not drawn from a shared generator: the case reads the same however time is cut into calls.
        var rng = new Random(DeterministicNoise.SeedFor(_options.Seed, sensor.Index, observation));
        var report = Report(TicketChannel.SmartCase, category, sensor.Definition.Location, sensor.SubDistrict, new Reporter(null, null), at, rng);
        var title = $"{report.Title}（{sensor.Definition.Name}自动告警）";
        newTickets.Add(new PendingTicket(at, SortObservation, sensor.Index, report with { Title = title }, category));
    }

    /// <summary>Draws each AI video event's snapshot; without one (history, benchmarks) the events carry none.</summary>
    public ISnapshotCamera? SnapshotCamera { get; init; }

    private void DetectThrownObjects(DateTimeOffset from, DateTimeOffset to, List<PendingTicket> newTickets, List<Entry> entries)
    {
        while (_aiEvents.TryTake(to, out var at))
        {
            var camera = NextAiCamera();
            var severity = _aiRng.NextDouble() < 0.25 ? AlarmSeverity.Critical : AlarmSeverity.Major;
            var confirmed = _aiRng.NextDouble() < AiTicketShare;
            var category = confirmed ? _catalogue.Find(ThrownObjectKind) : null;
            var report = category is null
                ? null
                : Report(TicketChannel.AiVideo, category, camera.Location, _district.SubDistrictFor(camera.Location), new Reporter(null, null), at, _aiRng);
            if (at <= from)
            {
                continue;
            }

            var key = DeterministicNoise.StableHash(camera.Id);
            var videoEvent = new AiVideoEvent(camera.Id, ThrownObjectKind, $"{camera.Name} 疑似高空抛物", camera.Location, severity, at);
            if (SnapshotCamera is { } snapshots)
            {
                videoEvent = videoEvent with { Snapshot = snapshots.Capture(camera, videoEvent) };
            }

            entries.Add(new Entry(at, SortAiAlarm, key, new RaiseAiVideoAlarmCommand(videoEvent)));
            if (report is not null && category is not null)
            {
                newTickets.Add(new PendingTicket(at, SortAiAlarm, key, report, category));
            }
        }
    }

    /// <summary>
    /// Gives the new tickets their ids in time order (T-yyyyMMdd-nnnnnn by Shanghai date, continuing
    /// after the highest number the snapshot holds for that day) and plans their path through the loop.
    /// </summary>
    private void FileNewTickets(List<PendingTicket> newTickets, TwinSnapshot? current, List<Entry> entries)
    {
        newTickets.Sort(static (a, b) =>
        {
            var byTime = a.At.CompareTo(b.At);
            if (byTime != 0)
            {
                return byTime;
            }

            var bySource = a.Source.CompareTo(b.Source);
            return bySource != 0 ? bySource : a.Key.CompareTo(b.Key);
        });
        foreach (var pending in newTickets)
        {
            var day = DateOnly.FromDateTime(ShanghaiClock.ToLocal(pending.At).DateTime);
            if (day != _ticketDay)
            {
                _ticketDay = day;
                _ticketNumber = HighestTicketNumber(current, TicketPrefix(day));
            }

            var id = TicketPrefix(day) + (++_ticketNumber).ToString("D6", CultureInfo.InvariantCulture);
            var report = pending.Report with { Id = id };
            entries.Add(new Entry(pending.At, SortTicketReport, _ticketNumber, new ReportTicketCommand(report)));

            // Planned either way, so the plan generator's draws do not depend on the staff setting.
            var steps = PlanSteps(pending.Category, report, _planRng);
            if (StaffWork(id, report.Priority ?? pending.Category.DefaultPriority))
            {
                Schedule(new TicketPlan(id, steps));
            }
        }
    }

    /// <summary>
    /// Status changes that are due. A step a duty officer has already taken (or passed) is skipped,
    /// and a ticket a person has claimed is dropped: from then on it is theirs.
    /// </summary>
    private void MoveTicketsOn(DateTimeOffset to, TwinSnapshot? current, List<Entry> entries)
    {
        List<TicketPlan>? unseen = null;
        while (_plans.TryPeek(out var plan, out var due) && due.At <= to)
        {
            _plans.Dequeue();

            // A ticket reported in this very call may be merged as a duplicate on arrival (一口派单):
            // its first step waits until a snapshot shows whether it is a case of its own.
            var seen = TicketInSnapshot(current, plan.Id);
            if (plan.Next == 0 && current is not null && seen is null)
            {
                (unseen ??= []).Add(plan);
                continue;
            }

            if (seen is { IsClaimed: true })
            {
                continue;
            }

            var step = plan.Steps[plan.Next++];
            if (seen is null || step.IsDue(seen.Status))
            {
                entries.Add(new Entry(step.At, SortTicketStatus, due.Sequence, step.Command(plan.Id)));
            }

            if (plan.Next < plan.Steps.Length)
            {
                _plans.Enqueue(plan, (plan.Steps[plan.Next].At, _planSequence++));
            }
        }

        foreach (var plan in unseen ?? [])
        {
            Schedule(plan);
        }
    }

    /// <summary>After a restart, the open simulated tickets carry on from where they are, spread over the next half hour.</summary>
    private void TakeOverOpenTickets(DateTimeOffset origin, TwinSnapshot current)
    {
        var open = current.Tickets.Where(t => t.Status.IsOpen() && t.Id.StartsWith("T-", StringComparison.Ordinal) && StaffWork(t));
        foreach (var ticket in open.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            CarryOn(ticket, origin);
        }
    }

    /// <summary>Plans the forward steps still ahead of <paramref name="ticket"/>, the first within half an hour of <paramref name="origin"/>.</summary>
    private void CarryOn(TicketState ticket, DateTimeOffset origin)
    {
        if (_catalogue.Find(ticket.CategoryCode) is not { } category)
        {
            return;
        }

        var rng = new Random(DeterministicNoise.SeedFor(_options.Seed, DeterministicNoise.StableHash(ticket.Id), -5));
        // Only the forward path: a planned 退单 or reopening belonged to the loop as it was planned before the restart.
        var remaining = PlanSteps(category, ticket.Channel, ticket.SubDistrictCode, ticket.ReportedAt, rng)
            .Where(s => s.Kind == StepKind.Forward && s.To > ticket.Status).DistinctBy(s => s.To).ToList();
        var earliest = origin;
        for (var i = 0; i < remaining.Count; i++)
        {
            earliest = Later(remaining[i].At, i == 0 ? origin.AddMinutes(1 + 29 * rng.NextDouble()) : earliest.AddMinutes(1));
            remaining[i] = remaining[i] with { At = earliest };
        }

        if (remaining.Count > 0)
        {
            Schedule(new TicketPlan(ticket.Id, [.. remaining]));
        }
    }

    /// <param name="fixedPlace">a hot spot's address on a road (its reports all name it), or null to draw one</param>
    private TicketReport Report(
        TicketChannel channel, EventCategory category, GeoPoint location, SubDistrict subDistrict, Reporter reporter, DateTimeOffset at, Random rng,
        string? fixedPlace = null)
    {
        string place, address;
        if (category.CreekRelated && fixedPlace is null)
        {
            place = $"{SubDistrictProfiles.ShortName(subDistrict.Name)}段{rng.Next(1, 40)}号岸段";
            address = $"普陀区{subDistrict.Name}苏州河{place}附近";
        }
        else
        {
            place = fixedPlace ?? RoadPlace(subDistrict, rng);
            address = $"普陀区{subDistrict.Name}{place}";
        }

        var (title, description) = TicketTexts.For(category, place, rng);
        var neighbourhoods = _neighbourhoods[subDistrict.Code];
        var neighbourhood = neighbourhoods.Length > 0 ? neighbourhoods[rng.Next(neighbourhoods.Length)].Code : null;
        return new TicketReport(string.Empty, channel, category.Code, title, description, location, address, neighbourhood, reporter, at);
    }

    /// <summary>
    /// Objects are thrown again and again from a few buildings (<see cref="ProblemBuildings"/>, a
    /// share <see cref="ProblemBuildingShare"/> of the detections); the rest come round the other AI
    /// cameras in a fixed shuffled order, so chance does not make a building look like a problem one.
    /// </summary>
    private Camera NextAiCamera()
    {
        if (_aiRng.NextDouble() < ProblemBuildingShare)
        {
            return _aiCameraOrder[_aiRng.Next(Math.Min(ProblemBuildings, _aiCameraOrder.Length))];
        }

        var rest = Math.Max(1, _aiCameraOrder.Length - ProblemBuildings);
        return _aiCameraOrder[(_aiCameraOrder.Length - rest) + (int)(_aiRound++ % rest)];
    }

    private static string RoadPlace(SubDistrict subDistrict, Random rng)
    {
        var roads = SubDistrictProfiles.For(subDistrict.Code).Roads;
        return $"{roads[rng.Next(roads.Count)]}{rng.Next(1, 1600)}号附近";
    }

    /// <summary>Reports a day of each category in the citizens' and patrols' flow, from the channel mix.</summary>
    private static Dictionary<EventCategory, double> CategoryRates(ChannelCategories[] channels, double perDay)
    {
        var rates = new Dictionary<EventCategory, double>();
        var channelTotal = channels.Sum(c => c.Weight);
        foreach (var channel in channels)
        {
            for (var i = 0; i < channel.Categories.Length; i++)
            {
                var share = (channel.Cumulative[i] - (i == 0 ? 0 : channel.Cumulative[i - 1])) / channel.Cumulative[^1];
                rates[channel.Categories[i]] = rates.GetValueOrDefault(channel.Categories[i]) + perDay * channel.Weight / channelTotal * share;
            }
        }

        return rates;
    }

    private void Schedule(TicketPlan plan)
    {
        _plans.Enqueue(plan, (plan.Steps[0].At, _planSequence++));
    }

    private TicketState? TicketInSnapshot(TwinSnapshot? current, string ticketId)
    {
        if (current is null)
        {
            return null;
        }

        if (!ReferenceEquals(current, _statusSource))
        {
            _statusSource = current;
            _ticketsInSnapshot = current.Tickets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        }

        return _ticketsInSnapshot.GetValueOrDefault(ticketId);
    }

    private static int HighestTicketNumber(TwinSnapshot? current, string prefix)
    {
        var highest = 0;
        foreach (var ticket in current?.Tickets ?? [])
        {
            if (ticket.Id.StartsWith(prefix, StringComparison.Ordinal)
                && int.TryParse(ticket.Id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                highest = Math.Max(highest, number);
            }
        }

        return highest;
    }

    private static string TicketPrefix(DateOnly day) => $"T-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-";

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record ChannelCategories(TicketChannel Channel, double Weight, EventCategory[] Categories, double[] Cumulative);

    private readonly record struct PendingTicket(DateTimeOffset At, int Source, long Key, TicketReport Report, EventCategory Category);

}
