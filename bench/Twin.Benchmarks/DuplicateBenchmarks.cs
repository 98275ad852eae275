using BenchmarkDotNet.Attributes;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace Twin.Benchmarks;

/// <summary>
/// One duplicate decision (<see cref="DuplicateDetector.Assess"/>) against 100,000 open reports
/// spread over the district in the simulator's busiest categories, within the last day: the goal
/// is under 1 ms. The probe reports the same matter as an indexed one 50 m away.
/// </summary>
[MemoryDiagnoser]
public class DuplicateBenchmarks
{
    private static readonly string[] Codes = ["noise", "property", "illegal-parking", "garbage-sorting", "street-vending", "road-damage"];

    private DuplicateDetector _detector = null!;
    private GeoPoint[] _probes = [];
    private int _next;

    [Params(100_000)]
    public int OpenTickets { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var map = DistrictMapLoader.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "geo"), 300);
        var catalogue = EventCatalogue.LoadDefault();
        _detector = new DuplicateDetector(catalogue, new DuplicateRules());
        var random = new Random(310107);
        var box = map.Outline.EnvelopeInternal;
        var start = new DateTimeOffset(2025, 6, 14, 2, 0, 0, TimeSpan.Zero);
        var points = new List<GeoPoint>();
        while (points.Count < OpenTickets)
        {
            var p = new GeoPoint(box.MinX + random.NextDouble() * box.Width, box.MinY + random.NextDouble() * box.Height);
            if (map.Contains(p))
            {
                points.Add(p);
            }
        }

        for (var i = 0; i < OpenTickets; i++)
        {
            var code = Codes[i % Codes.Length];
            var ticket = new TicketState(
                $"T-{i:D6}", TicketChannel.Hotline12345, code, $"{catalogue.Find(code)!.NameZh}问题{i % 97}", "市民反映情况，请尽快处理", points[i], "普陀区某路",
                map.SubDistrictFor(points[i]).Code, null, "*", "*", TicketPriority.Normal, TicketStatus.Discovered, false,
                start.AddSeconds(-random.Next(0, 86_400)), start, null, null);
            _detector.Add(ticket, ticket.Id);
        }

        _probes = Enumerable.Range(0, 1024).Select(i => new GeoPoint(points[i * 37].Lon, points[i * 37].Lat + 50 / 110_900.0)).ToArray();
    }

    [Benchmark]
    public DuplicateMatch? Assess()
    {
        var i = _next++ & 1023;
        return _detector.Assess(Codes[(i * 37) % Codes.Length], _probes[i], new DateTimeOffset(2025, 6, 14, 2, 10, 0, TimeSpan.Zero), "噪声扰民问题5市民反映情况，请尽快处理");
    }
}
