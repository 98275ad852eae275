using Microsoft.AspNetCore.Components;
using CommandCenter.Localization;
using CommandCenter.Map;
using CommandCenter.Vocabulary;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Map;

/// <summary>
/// The OpenLayers map of the district. The browser module talks to the twin hub itself; this
/// component only hosts it and relays the hub connection state.
/// </summary>
public sealed partial class TwinMap : ComponentBase, IAsyncDisposable
{
    public const string DefaultAttribution =
        "© OpenStreetMap contributors (ODbL) · geoBoundaries · metro: metromancn (MIT)";


    private readonly string elementId = $"twinmap-{Guid.NewGuid():N}";
    private IJSObjectReference? module;
    private IJSObjectReference? droneLayer;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<TwinMap> Logger { get; set; } = default!;

    [Inject]
    private CameraLayer Cameras { get; set; } = default!;

    [Parameter]
    public string HubUrl { get; set; } = "/hubs/twin";

    /// <summary>An XYZ raster tile URL template; without one the map draws only its vector basemap.</summary>
    [Parameter]
    public string? TileUrl { get; set; }

    [Parameter]
    public string Attribution { get; set; } = DefaultAttribution;

    /// <summary>Whether a new critical alarm makes the map fly to it and back.</summary>
    [Parameter]
    public bool FollowCriticalAlarms { get; set; } = true;

    [Parameter]
    public string? Class { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // The import map that <ImportMap /> renders resolves this to the fingerprinted file.
        module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/twinmap.js");

        // Imported before init so that the drone overlay is on the map when the hub connects.
        droneLayer = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/dronelayer.js");
        var cameraFile = await Cameras.FileAsync();
        var options = new
        {
            hubUrl = HubUrl,
            camerasUrl = CameraEndpoints.VersionedPath(cameraFile.Version),
            lang = Language.Current == Lang.En ? "en" : "zh",
            tileUrl = TileUrl,
            attribution = Attribution,
            followCriticalAlarms = FollowCriticalAlarms,
            vocabulary = VocabularyDocument.Current,
        };
        try
        {
            await module.InvokeVoidAsync("init", elementId, options);
        }
        catch (JSException ex)
        {
            // A map that cannot load its geodata must not take the wall's panels down with the circuit.
            Logger.LogError(ex, "The map could not start.");
            await JS.InvokeVoidAsync("twinConnection.hub", "disconnected");
        }
    }

    /// <summary>
    /// Shows or hides a map layer: tickets, sensors, alarms, cameras, heat, corridor, metroLines,
    /// metroStations, creek, subdistricts, subdistrictLabels, outline, districts (and tiles when a
    /// tile URL is set), and drones (the overlay of dronelayer.js).
    /// </summary>
    public async Task SetLayerVisibleAsync(string layer, bool visible)
    {
        if (layer == MapLayers.Drones && droneLayer is not null)
        {
            await droneLayer.InvokeVoidAsync("setVisible", visible);
        }
        else if (module is not null)
        {
            await module.InvokeVoidAsync("setLayerVisible", layer, visible);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (module is not null)
            {
                await module.InvokeVoidAsync("dispose");
                await module.DisposeAsync();
            }

            if (droneLayer is not null)
            {
                await droneLayer.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's map with it.
        }
    }
}
