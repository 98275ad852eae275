using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Domain.Cameras;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;

namespace Twin.LoadTest.Hosting;

/// <summary>
/// The server's twin as the load tool drives it: the pipeline itself (the tool feeds it and times
/// its commits from the writer, below the app's boundary on purpose) and the reference data.
/// </summary>
public sealed class ServerTwin(IServiceProvider services)
{
    public TwinPipeline Pipeline => services.GetRequiredService<TwinPipeline>();

    public DistrictMap District => services.GetRequiredService<DistrictMap>();

    public EventCatalogue Catalogue => services.GetRequiredService<EventCatalogue>();

    public IReadOnlyList<Camera> Cameras => services.GetRequiredService<IReadOnlyList<Camera>>();

    public Task Ready => services.GetRequiredService<TwinReadiness>().Ready;
}
