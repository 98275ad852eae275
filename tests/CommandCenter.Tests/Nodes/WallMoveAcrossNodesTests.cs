using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Nodes;

/// <summary>
/// Issue 20 on two nodes (docs/two-nodes.md): both on one PostgreSQL database, A the writer. A wall
/// is paired and open on node B; an admin on node A moves it to 真如. B's open map feed must switch
/// to 真如's scope, and B's wall pages be told, with no one at the wall to reload it.
/// </summary>
public sealed class WallMoveAcrossNodesTests : InProcessNodes
{
    private const string Zhenru = "310107022000";

    [Fact]
    public async Task A_wall_moved_on_node_A_takes_its_new_scope_on_node_B()
    {
        await using var feed = await OpenWallOnBAsync();
        var replica = feed.Replica;
        var toldOnB = new List<string>();
        B.Services.GetRequiredService<WallOrganisationChanges>().DeviceChanged += id => { lock (toldOnB) { toldOnB.Add(id); } };

        await A.MoveWallAsync("sd-" + Zhenru);

        await Eventually.Until(() => replica.SnapshotsReceived >= 2 && replica.Count("sensors") is > 0 and < TwinAppFactory.SensorCount,
            $"node B's open wall gets a new snapshot of 真如's sensors only (snapshots {replica.SnapshotsReceived}, sensors {replica.Count("sensors")})");
        var areaSensors = B.Services.AppTwin().Queries.Current.Sensors.Where(s => s.SubDistrictCode == Zhenru).Select(s => s.Definition.Id).ToHashSet();
        Assert.All(replica.Ids("sensors"), id => Assert.Contains(id, areaSensors));

        // Told once on B (the wall page's panels listen to the same event), not a second time by its own notification.
        lock (toldOnB)
        {
            Assert.Single(toldOnB);
        }
    }
}
