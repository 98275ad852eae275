using CommandCenter.Tests.Support;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// A follower's screens after the writer's commits (docs/two-nodes.md "Screens on a follower"): the writer's streamed
/// changes and each reload of the follower reach them as deltas against the picture they hold, cut per scope group,
/// not as a snapshot of the whole picture. Two nodes in this process on one PostgreSQL database, A the writer; the wall is on B, the follower.
/// </summary>
public sealed class FollowerMapDeltaTests : InProcessNodes
{
    private const string Zhenru = "310107022000";

    [Fact]
    public async Task A_wall_on_the_follower_gets_the_writers_new_case_in_a_delta_and_nothing_of_a_case_outside_its_area()
    {
        var writer = A.Services.AppTwin();
        var zhenru = writer.District.SubDistricts.Single(s => s.Code == Zhenru);
        var other = writer.District.SubDistricts.First(s => s.Code != Zhenru);
        await using var feed = await OpenWallOnBAsync();
        var replica = feed.Replica;
        await A.MoveWallAsync("sd-" + Zhenru);
        await Eventually.Until(() => replica.SnapshotsReceived >= 2 && replica.Count("sensors") is > 0 and < TwinAppFactory.SensorCount,
            $"node B's open wall takes 真如's scope (snapshots {replica.SnapshotsReceived}, sensors {replica.Count("sensors")})");
        var snapshots = replica.SnapshotsReceived;

        // The writer's stream and B's reloads both carry the outside case to B; neither may show it to 真如's wall.
        var outside = await ReportAsync(writer, "OT-", other);
        var inside = await ReportAsync(writer, "ZR-", zhenru);
        await Eventually.Until(() => replica.Ids("tickets").Contains(inside), "the case filed in 真如 on the writer reaches the follower's 真如 wall");
        await Eventually.Until(() => B.Services.AppTwin().Queries.Current.Tickets.Count(t => t.Id == outside || t.Id == inside) == 2, "node B reloads both cases");

        // Messages to one screen arrive in order: once a later case arrives, whatever that reload sent has arrived.
        // Another kind of case: the same report again at the same place would be merged into the first (一口派单).
        var later = await ReportAsync(writer, "ZR-", zhenru, ("illegal-parking", "路口违法停车", "路口有车辆长时间违停"));
        await Eventually.Until(() => replica.Ids("tickets").Contains(later), "a later case filed in 真如 reaches the follower's 真如 wall");

        var raw = replica.RawMessages;
        var first = raw.First(m => m.Contains(inside, StringComparison.Ordinal));
        Assert.True(first.Contains("\"upserts\":", StringComparison.Ordinal), $"the case came in a delta, not a snapshot: {first[..Math.Min(first.Length, 300)]}");
        Assert.Equal(snapshots, replica.SnapshotsReceived);
        Assert.Equal(0, replica.GapsDetected);
        Assert.DoesNotContain(raw.Skip(raw.ToList().FindLastIndex(m => m.Contains("\"layers\":", StringComparison.Ordinal))),
            m => m.Contains(outside, StringComparison.Ordinal) || m.Contains(other.Name, StringComparison.Ordinal));
        Assert.All(replica.Ids("tickets"), id => Assert.Equal(Zhenru, writer.Queries.Current.Tickets.Single(t => t.Id == id).SubDistrictCode));
    }

    private static async Task<string> ReportAsync(AppTwin twin, string prefix, SubDistrict area, (string Category, string Title, string Text)? what = null)
    {
        var id = prefix + Guid.NewGuid().ToString("N")[..8];
        var place = area.Boundary.InteriorPoint;
        var (category, title, text) = what ?? ("street-vending", "河岸占道经营", "步道有流动摊位");
        var result = await twin.Commands.SubmitAsync(new ReportTicketCommand(new TicketReport(id, TicketChannel.GridPatrol, category, title, text,
            new GeoPoint(place.X, place.Y), "测试地址", null, new Reporter(null, null), twin.Clock.GetUtcNow())));
        Assert.True(result.Accepted, result.Reason);
        return id;
    }
}
