using Microsoft.Extensions.Time.Testing;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;

namespace Twin.Benchmarks;

/// <summary>A twin of the real district fed by the built-in simulator for a while, as benchmarks start from.</summary>
public sealed record SimulatedTwin(DistrictMap Map, EventCatalogue Catalogue, FakeTimeProvider Time, TwinEngine Engine)
{
    /// <summary>The simulator's default fleet after <paramref name="simulated"/> of twin time, in 30-s steps from <paramref name="start"/>.</summary>
    public static SimulatedTwin Run(DateTimeOffset start, TimeSpan simulated)
    {
        var geo = Path.Combine(AppContext.BaseDirectory, "geo");
        var map = DistrictMapLoader.LoadFromDirectory(geo, 500);
        var catalogue = EventCatalogue.LoadDefault();
        var time = new FakeTimeProvider(start);
        var engine = new TwinEngine(map, catalogue, time);
        var options = new SimulatorOptions();
        var cameras = CameraLayout.Create(map, DistrictMapLoader.LoadMetroStationsFromDirectory(geo), options.Seed);
        var simulator = new TwinSimulator(map, catalogue, cameras, options);
        var from = time.GetUtcNow();
        while (time.GetUtcNow() - start < simulated)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            foreach (var command in simulator.Advance(from, time.GetUtcNow(), engine.Snapshot()).ToList())
            {
                engine.Apply(command);
            }

            from = time.GetUtcNow();
        }

        return new SimulatedTwin(map, catalogue, time, engine);
    }
}
