using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Pipeline;
using Twin.Data.Store;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Simulation;
using Twin.Domain.Time;

namespace CommandCenter.Live;

/// <summary>
/// The twin as one object graph: district, catalogue, clock, engine, store and the single-writer
/// pipeline. <see cref="Ready"/> completes once the engine has been rebuilt from the store.
/// </summary>
public sealed class TwinRuntime : IAsyncDisposable
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TwinRuntime(
        IOptions<TwinOptions> twinOptions,
        IOptions<SimulatorOptions> simulatorOptions,
        IOptions<TwinStoreOptions> storeOptions,
        IHostEnvironment environment,
        ILoggerFactory loggerFactory)
    {
        var options = twinOptions.Value;
        var geoDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, options.GeoDirectory));
        District = DistrictMapLoader.LoadFromDirectory(geoDirectory, options.CorridorHalfWidthMetres);
        Catalogue = EventCatalogue.LoadDefault();
        Simulator = simulatorOptions.Value;
        Simulator.Validate();
        SpeedFactor = Simulator.Enabled ? Simulator.SpeedFactor : 1;
        Clock = new TwinClock(TimeProvider.System, Simulator.StartAt ?? TimeProvider.System.GetUtcNow(), SpeedFactor);
        FloodControl = FloodControlAssetsLoader.LoadFromDirectory(geoDirectory);
        Engine = new TwinEngine(District, Catalogue, Clock, options: null, new EmergencyResources(PlanLibrary.LoadDefault(Catalogue), FloodControl));
        Store = new TwinStore(storeOptions.Value);
        Pipeline = new TwinPipeline(Engine, Store, new TwinPipelineOptions(), loggerFactory.CreateLogger<TwinPipeline>());
        Cameras = CameraLayout.Create(District, DistrictMapLoader.LoadMetroStationsFromDirectory(geoDirectory), Simulator.Seed);
    }

    public DistrictMap District { get; }

    public EventCatalogue Catalogue { get; }

    /// <summary>Waterlogging points, underpasses, pumping stations, depots and teams (simulated placements).</summary>
    public FloodControlAssets FloodControl { get; }

    public SimulatorOptions Simulator { get; }

    public double SpeedFactor { get; }

    /// <summary>The twin's time: real time, or faster when the simulator runs a demo at a speed factor.</summary>
    public TimeProvider Clock { get; }

    public TwinEngine Engine { get; }

    public TwinStore Store { get; }

    public TwinPipeline Pipeline { get; }

    public IReadOnlyList<Camera> Cameras { get; }

    public Task Ready => _ready.Task;

    public bool IsRunning { get; private set; }

    internal void MarkReady()
    {
        IsRunning = true;
        _ready.TrySetResult();
    }

    internal void MarkFailed(Exception error)
    {
        IsRunning = false;
        _ready.TrySetException(error);
    }

    internal void MarkStopped() => IsRunning = false;

    /// <summary>Closes the store's write connection once the host has stopped the pipeline.</summary>
    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
