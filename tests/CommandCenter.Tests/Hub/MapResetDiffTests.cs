using CommandCenter.Map;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Sensors;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Hub;

/// <summary>
/// A reset (a follower's reload) told to screens as the difference from the picture they hold (<see cref="MapChange.Between"/>),
/// cut per scope group (<see cref="MapChange.For"/>): each group must end with exactly what it may see, and a feature
/// a group never saw must reach it in no form.
/// </summary>
public sealed class MapResetDiffTests
{
    private const string Zhenru = "310107022000";
    private const string Changshou = "310107015000";
    private static readonly GeoPoint Here = new(121.41, 31.24);
    private static readonly DateTimeOffset At = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    private static readonly AccessScope ZhenruWall = new(new Organisation("sd-" + Zhenru, OrganisationKind.SubDistrict, "真如镇", "Zhenru", Zhenru), AccessRole.Wall);
    private static readonly AccessScope WaterWall = new(new Organisation("dept-water", OrganisationKind.Department, "区水务局", "Water authority"), AccessRole.Wall);
    private static readonly AccessScope RoadsWall = new(new Organisation("dept-roads", OrganisationKind.Department, "区建管委", "Roads"), AccessRole.Wall);
    private static readonly AccessScope[] Scopes = [ZhenruWall, WaterWall, RoadsWall];

    [Fact]
    public void A_reload_that_changed_nothing_is_no_message()
    {
        var tickets = new[] { Case("T-1", Zhenru, "区水务局"), Case("T-2", Changshou, null) };
        var sensors = new[] { Sensor("S-1", Zhenru, 50) };
        Assert.True(MapChange.Between(Picture(tickets, sensors), Picture(tickets, sensors), Scopes).IsEmpty);
    }

    [Fact]
    public void Each_group_gets_new_cases_it_sees_and_removals_of_cases_it_saw_and_nothing_of_the_others()
    {
        var leaving = Case("T-leaves", Zhenru, "区水务局");
        var closing = Case("T-closes", Changshou, "区建管委");
        var before = Picture([leaving, closing, Case("T-stays", Zhenru, null)], [Sensor("S-1", Zhenru, 50), Sensor("S-2", Changshou, 60)]);
        var after = Picture(
            [leaving with { Department = "区建管委" }, Case("T-new-zhenru", Zhenru, null), Case("T-new-changshou", Changshou, "区水务局"), Case("T-stays", Zhenru, null)],
            [Sensor("S-1", Zhenru, 55), Sensor("S-2", Changshou, 60)]);

        var change = MapChange.Between(before, after, Scopes);
        var all = change.Delta(7, At);

        // The centre (everything): the new cases, the reassigned one (unchanged on the map, but seen by other departments now), the closed one's removal, one reading.
        var centre = change.For(MapFanout.Everything, null, all, (_, _) => true);
        Assert.Equal(["T-leaves", "T-new-changshou", "T-new-zhenru"], centre.Upserts.Select(f => f.Id).Order());
        Assert.Equal([new FeatureRemoval(MapLayers.Tickets, "T-closes")], centre.Removals);
        var reading = Assert.Single(centre.SensorUpdates);
        Assert.Equal(("S-1", 55.0), (reading.Id, reading.Value));
        Assert.Equal(7, centre.Seq);

        // 真如镇: its area's new case and reading; nothing of 长寿路's cases, not even the closed one's id.
        var zhenru = For(change, all, after, ZhenruWall);
        Assert.Equal(["T-leaves", "T-new-zhenru"], zhenru.Upserts.Select(f => f.Id).Order());
        Assert.Empty(zhenru.Removals);
        Assert.Equal(["S-1"], zhenru.SensorUpdates.Select(u => u.Id));

        // 区水务局 lost the reassigned case and gained the new one dispatched to it; it never saw the closed case.
        var water = For(change, all, after, WaterWall);
        Assert.Equal(["T-new-changshou"], water.Upserts.Select(f => f.Id));
        Assert.Equal([new FeatureRemoval(MapLayers.Tickets, "T-leaves")], water.Removals);

        // 区建管委 gained the reassigned case and lost its closed one.
        var roads = For(change, all, after, RoadsWall);
        Assert.Equal(["T-leaves"], roads.Upserts.Select(f => f.Id));
        Assert.Equal([new FeatureRemoval(MapLayers.Tickets, "T-closes")], roads.Removals);
    }

    [Fact]
    public void A_sensor_that_changed_more_than_its_reading_is_sent_whole()
    {
        var before = Picture([], [Sensor("S-1", Zhenru, 50)]);
        var moved = Sensor("S-1", Zhenru, 50);
        var after = Picture([], [moved with { Definition = moved.Definition with { Name = "真如镇 2 号" } }]);

        var change = MapChange.Between(before, after, Scopes);

        Assert.Equal(["S-1"], change.Full.Select(f => f.Feature.Id));
        Assert.Empty(change.SensorUpdates);
    }

    [Fact]
    public void A_followers_reload_that_read_the_store_before_the_writers_latest_commits_does_not_take_them_back_from_the_screens()
    {
        // The screens hold what the writer's stream delivered: a new case, a case closed, a reading.
        var streamedCase = Case("T-streamed", Zhenru, null);
        var held = Picture([streamedCase, Case("T-kept", Zhenru, null)], [Sensor("S-1", Zhenru, 58), Sensor("S-2", Zhenru, 40)]);

        // The reload read the store before those commits (the closed case still open, the new one absent, the old
        // reading), and after a commit whose change the stream has not delivered yet (S-2's reading).
        var reloaded = Picture([Case("T-closed", Zhenru, null), Case("T-kept", Zhenru, null)], [Sensor("S-1", Zhenru, 50), Sensor("S-2", Zhenru, 47)]);
        var since = new (string, string)[] { (MapLayers.Tickets, "T-streamed"), (MapLayers.Tickets, "T-closed"), (MapLayers.Sensors, "S-1") };
        var thisRound = Case("T-this-round", Zhenru, null);
        var upserts = new Dictionary<(string Layer, string Id), (MapFeature Feature, Func<AccessScope, bool> SeenBy)>
        {
            [(MapLayers.Tickets, thisRound.Id)] = (MapFeatures.Ticket(thisRound, "噪声", Zhenru), scope => scope.Sees(thisRound)),
        };

        var after = MapPicture.AfterReload(held, reloaded, since, upserts, [new FeatureRemoval(MapLayers.Tickets, "T-kept")]);
        var change = MapChange.Between(held, after, Scopes);

        Assert.Equal(["T-streamed", "T-this-round"], after.Layers[MapLayers.Tickets].Keys.Order());
        Assert.Equal(["T-this-round"], change.Full.Select(f => f.Feature.Id));
        Assert.Equal([new FeatureRemoval(MapLayers.Tickets, "T-kept")], change.Removals);
        var reading = Assert.Single(change.SensorUpdates);
        Assert.Equal(("S-2", 47.0), (reading.Id, reading.Value));
        Assert.True(after.SeenBy[(MapLayers.Tickets, "T-streamed")](ZhenruWall));
    }

    /// <summary>A group's cut, judged by the picture after the change, as the broadcaster does.</summary>
    private static MapDelta For(MapChange change, MapDelta all, MapPicture after, AccessScope scope) =>
        change.For(scope.ViewKey, scope, all, (layer, id) => after.SeenBy.TryGetValue((layer, id), out var seen) && seen(scope));

    private static MapPicture Picture(IEnumerable<TicketState> tickets, IEnumerable<SensorState> sensors)
    {
        var picture = new MapPicture();
        foreach (var ticket in tickets)
        {
            picture.Add(MapLayers.Tickets, MapFeatures.Ticket(ticket, "噪声", ticket.SubDistrictCode), scope => scope.Sees(ticket));
        }

        foreach (var sensor in sensors)
        {
            picture.Add(MapLayers.Sensors, MapFeatures.Sensor(sensor), scope => scope.Sees(sensor));
        }

        return picture;
    }

    private static TicketState Case(string id, string subDistrict, string? department) => new(
        id, TicketChannel.Hotline12345, "noise", "噪声扰民", "夜间施工噪声", Here, "普陀区", subDistrict, null, "", "",
        TicketPriority.Normal, TicketStatus.Dispatched, false, At, At, At, null, Department: department);

    private static SensorState Sensor(string id, string subDistrict, double value) => new(
        new SensorDefinition(id, SensorKind.Noise, id, Here, "dB(A)", new Thresholds(65, 70, 2), TimeSpan.FromMinutes(1)),
        subDistrict, false, value, At, null, ValueState.Normal, SensorHealth.Online);
}
