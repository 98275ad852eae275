using CommandCenter.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Twin.Data.Nodes;
using Twin.Data.Pipeline;
using Twin.Data.Store.Providers;
using Twin.Data.Tests.Support;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace Twin.Data.Tests.Nodes;

/// <summary>
/// The writer's committed changes reach a follower's subscribers through the stream (NOTIFY twin_changes,
/// docs/two-nodes.md), on the real PostgreSQL server, before and without any reload of the follower's read model.
/// </summary>
public sealed class ChangeStreamTests : IDisposable
{
    private readonly TempDatabase _db = new(StorageProvider.Postgres);
    private readonly CancellationTokenSource _stop = new();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _db.Dispose();
    }

    [Fact]
    public async Task A_follower_is_told_the_writers_new_case_reading_and_drone_move_as_committed_without_reloading()
    {
        await using var writer = await PipelineHarness.StartAsync(_db, Scenario.Clock());
        await using var followerStore = _db.CreateStore(time: writer.Clock);
        var follower = new TwinPipeline(Scenario.Engine(writer.Clock), followerStore);
        await follower.StartupAsync();
        var told = new List<TwinChangeSet>();
        follower.Committed += changes =>
        {
            lock (told)
            {
                told.Add(changes);
            }
        };

        var connectionString = _db.Options().ConnectionString!;
        var listening = new NodeSignals(connectionString, NullLogger<NodeSignals>.Instance);
        var listened = listening.Next(NodeSignals.Changes);
        _ = listening.ListenAsync(_stop.Token);
        await listened.WaitAsync(TimeSpan.FromSeconds(30));
        using var following = new ChangeStream(listening, follower, NullLogger<ChangeStream>.Instance).Follow();
        var publishing = new ChangeStream(new NodeSignals(connectionString, NullLogger<NodeSignals>.Instance), writer.Pipeline, NullLogger<ChangeStream>.Instance);
        _ = publishing.PublishAsync(_stop.Token);

        await writer.SubmitOkAsync(new RegisterSensorCommand(Scenario.Sensor("N-1", SensorKind.Noise)));
        await writer.SubmitOkAsync(new RecordObservationCommand(new Observation("N-1", 61, writer.Clock.GetUtcNow())));
        await writer.SubmitOkAsync(new ReportTicketCommand(Scenario.Ticket("T-STREAM-1", writer.Clock.GetUtcNow())));
        var home = Scenario.Point(0);
        await writer.SubmitOkAsync(new RegisterDroneCommand(new DroneDefinition("D-01", "经纬 M350 RTK", home, 15)));
        await writer.SubmitOkAsync(new RecordDroneTelemetryCommand(new DroneTelemetry(
            "D-01", writer.Clock.GetUtcNow(), new GeoPoint(home.Lon, home.Lat + 0.001), 60, 0, 6, 90, 88)));

        TwinChangeSet[] Told()
        {
            lock (told)
            {
                return [.. told];
            }
        }

        await Eventually.Until(() => Told().SelectMany(s => s.Events).OfType<TicketChanged>().Any(e => e.Ticket.Id == "T-STREAM-1"),
            "the writer's new case reaches the follower's subscribers");
        await Eventually.Until(() => Told().SelectMany(s => s.ChangedSensors).Any(s => s.Definition.Id == "N-1" && s.LastValue == 61),
            "the writer's reading reaches the follower's subscribers");
        await Eventually.Until(() => Told().SelectMany(s => s.Events).OfType<DroneChanged>().Any(e => e.Drone.Position.Lat == home.Lat + 0.001),
            "the writer's drone move reaches the follower's subscribers");
        Assert.All(Told(), s => Assert.False(s.IsReset));
        Assert.DoesNotContain(follower.Current.Tickets, t => t.Id == "T-STREAM-1");
        Assert.Equal(writer.Pipeline.Current.Tickets.Single(t => t.Id == "T-STREAM-1"),
            Told().SelectMany(s => s.Events).OfType<TicketChanged>().Last(e => e.Ticket.Id == "T-STREAM-1").Ticket);
    }
}
