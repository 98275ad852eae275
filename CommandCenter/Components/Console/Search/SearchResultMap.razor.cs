using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Twin.Data.Search;

namespace CommandCenter.Components.Console.Search;

/// <summary>
/// The search's results on the console's map (wwwroot-assets/js/ticketmap.js): tickets, alarms and
/// sensors found, each a dot in its kind's colour. Sent again only when the result changed.
/// </summary>
public sealed partial class SearchResultMap : IAsyncDisposable
{
    private readonly string _elementId = $"searchmap-{Guid.NewGuid():N}";
    private IJSObjectReference? _module;
    private SearchResult? _shown;
    private bool _failed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<SearchResultMap> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public SearchResult Result { get; set; } = default!;

    private IReadOnlyList<ResultPoint> Points =>
    [
        .. Result.Hits.Select(h => new ResultPoint(h.Id, h.Lon, h.Lat, "ticket")),
        .. Result.Alarms.Select(a => new ResultPoint(a.Id, a.Lon, a.Lat, "alarm")),
        .. Result.Sensors.Select(s => new ResultPoint(s.Id, s.Lon, s.Lat, "sensor")),
    ];

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_failed || ReferenceEquals(Result, _shown))
        {
            return;
        }

        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/ticketmap.js");
            await _module.InvokeVoidAsync("results", _elementId, Points.Select(p => new { id = p.Id, lon = p.Lon, lat = p.Lat, kind = p.Kind }));
            _shown = Result;
        }
        catch (JSException ex)
        {
            // A map that cannot load must not take the console's circuit down with it; the list still shows the results.
            Logger.LogError(ex, "The search result map could not start.");
            _failed = true;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("dispose", _elementId);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's map with it.
        }
    }

    private sealed record ResultPoint(string Id, double Lon, double Lat, string Kind);
}
