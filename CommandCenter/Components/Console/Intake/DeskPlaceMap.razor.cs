using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console.Intake;

/// <summary>
/// The new-case form's map (wwwroot-assets/js/ticketmap.js, pick mode): the district with its 街镇
/// outlines and names, the open cases and the sensors, where a click places the case. The click comes back
/// through <see cref="OnPicked"/>; the form derives the 街镇 from the point.
/// </summary>
public sealed partial class DeskPlaceMap : IAsyncDisposable
{
    private readonly string _elementId = $"placemap-{Guid.NewGuid():N}";
    private IJSObjectReference? _module;
    private DotNetObjectReference<DeskPlaceMap>? _self;
    private GeoPoint? _shownPoint;
    private bool _failed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<DeskPlaceMap> Logger { get; set; } = default!;

    /// <summary>A point was clicked on the map.</summary>
    [Parameter]
    public EventCallback<GeoPoint> Picked { get; set; }

    /// <summary>The open cases, shown as dots with their ids.</summary>
    [Parameter]
    public IReadOnlyList<TicketState> Tickets { get; set; } = [];

    /// <summary>The district's sensors, small squares labelled once zoomed in.</summary>
    [Parameter]
    public IReadOnlyList<MapMarker> Sensors { get; set; } = [];

    /// <summary>The form's place: a picked point is marked.</summary>
    [Parameter]
    public DeskPlace? Place { get; set; }

    [JSInvokable]
    public Task OnPicked(double lon, double lat) => Picked.InvokeAsync(new GeoPoint(lon, lat));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_failed)
        {
            return;
        }

        try
        {
            if (firstRender)
            {
                _self = DotNetObjectReference.Create(this);
                _module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/ticketmap.js");
                var tickets = Tickets.Select(t => new { id = t.Id, lon = t.Location.Lon, lat = t.Location.Lat });
                var sensors = Sensors.Select(m => new { id = m.Id, lon = m.At.Lon, lat = m.At.Lat, role = m.Role, label = m.Label, color = m.Color });
                await _module.InvokeVoidAsync("pick", _elementId, _self, tickets, sensors);
            }

            if (_module is not null && Place?.Point is { } point && point != _shownPoint)
            {
                _shownPoint = point;
                await _module.InvokeVoidAsync("mark", _elementId, point.Lon, point.Lat);
            }
        }
        catch (JSException ex)
        {
            // The form works without its map (the place can be typed): it must not fail with it.
            Logger.LogError(ex, "The new-case map could not start.");
            _failed = true;
            StateHasChanged();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("dispose", _elementId);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's map with it.
        }

        _self?.Dispose();
    }
}
