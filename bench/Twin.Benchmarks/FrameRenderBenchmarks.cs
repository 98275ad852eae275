using BenchmarkDotNet.Attributes;
using CommandCenter.Drones;
using CommandCenter.Localization;
using SkiaSharp;
using Twin.Domain.Drones;
using Twin.Domain.Engine;
using Twin.Domain.Geography;

namespace Twin.Benchmarks;

/// <summary>
/// One drone-feed frame (640×360 JPEG) over a busy creek: the twin's 2,000 sensors and the open
/// tickets round a drone at 80 m. Baseline: encoding an empty frame of the same size, the fixed
/// cost every frame pays. A feed at 4 fps needs a frame well under 250 ms on one core.
/// </summary>
[MemoryDiagnoser]
public class FrameRenderBenchmarks
{
    private FrameRenderer _renderer = null!;
    private DroneState _drone = null!;
    private TwinSnapshot _snapshot = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var (map, _, time, engine) = SimulatedTwin.Run(new DateTimeOffset(2026, 6, 10, 2, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1));
        var home = new GeoPoint(121.394871, 31.220367);
        engine.RegisterDrone(new DroneDefinition("D-B", "bench", home, 15));
        time.Advance(TimeSpan.FromSeconds(1));
        engine.RecordDroneTelemetry(new DroneTelemetry("D-B", time.GetUtcNow(), home, 80, 45, 10, 80, 90));
        _snapshot = engine.Snapshot();
        _drone = _snapshot.Drones[0];
        _now = time.GetUtcNow();
        _renderer = new FrameRenderer(map, new DroneOptions());
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _renderer.Dispose();

    [Benchmark(Baseline = true)]
    public byte[] EncodeEmptyFrame()
    {
        using var surface = SKSurface.Create(new SKImageInfo(640, 360));
        surface.Canvas.Clear(SKColors.Black);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 72);
        return data.ToArray();
    }

    [Benchmark]
    public byte[] RenderFrame() => _renderer.Render(_drone, _snapshot, _now, Lang.Zh);
}
