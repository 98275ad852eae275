using Twin.Domain.Engine;
using Twin.Domain.Sensors;
using Twin.Domain.Simulation;

namespace Twin.LoadTest.Hub;

/// <summary>
/// The load's sensors: the simulator's own fleet for a seed (real kinds, thresholds and places
/// inside Putuo), registered through the pipeline like any other input.
/// </summary>
public sealed class BenchSensors
{
    private BenchSensors(IReadOnlyList<SensorDefinition> definitions)
    {
        Definitions = definitions;
        Index = definitions.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        // Half the warning level (or twice it where low is bad): readings stay normal, so the load
        // measures the observation path, not alarm handling.
        Values = definitions.Select(d => d.Thresholds.HighIsBad ? d.Thresholds.Warning / 2 : d.Thresholds.Warning * 2).ToArray();
    }

    public IReadOnlyList<SensorDefinition> Definitions { get; }

    public IReadOnlyDictionary<string, int> Index { get; }

    public IReadOnlyList<double> Values { get; }

    public static async Task<BenchSensors> RegisterAsync(Hosting.ServerTwin runtime, int count)
    {
        var fleet = SensorFleet.Create(runtime.District, new SimulatorOptions { SensorCount = count, Seed = 20221 });
        var results = await Task.WhenAll(fleet.Select(d => runtime.Pipeline.SubmitAsync(new RegisterSensorCommand(d)).AsTask()));
        return results.All(r => r.Accepted)
            ? new BenchSensors(fleet)
            : throw new InvalidOperationException($"A bench sensor was refused: {results.First(r => !r.Accepted).Reason}");
    }
}
