using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// A small OpenLayers map of one ticket with its merged reports and possible duplicates, the other
/// open cases and the sensors around it, the district's 街镇 outlines and zoom buttons
/// (wwwroot-assets/js/ticketmap.js). Markers are sent only when what they show has changed.
/// </summary>
public sealed partial class TicketMiniMap : IAsyncDisposable
{
    private readonly string _elementId = $"ticketmap-{Guid.NewGuid():N}";
    private IJSObjectReference? _module;
    private string? _shown;
    private bool _failed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<TicketMiniMap> Logger { get; set; } = default!;

    [Parameter, EditorRequired]
    public TicketState Ticket { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<RelatedTicket> Related { get; set; } = [];

    /// <summary>Open cases and sensors nearby (<see cref="TicketSurroundings"/>).</summary>
    [Parameter]
    public IReadOnlyList<MapMarker> Surroundings { get; set; } = [];

    /// <summary>Whether the key to the markers is shown (the field view's map shows the ticket alone and needs none).</summary>
    [Parameter]
    public bool Legend { get; set; } = true;

    /// <summary>What the markers show; the map is redrawn only when this changes.</summary>
    private string Signature =>
        string.Join('|', Related.Select(r => $"{r.Relation}:{r.Ticket.Id}").Prepend($"{Ticket.Id}@{Ticket.Location}")
            .Concat(Surroundings.Select(m => $"{m.Role}:{m.Id}:{m.Label}:{m.Color}")));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var signature = Signature;
        if (_failed || signature == _shown)
        {
            return;
        }

        try
        {
            // The import map that <ImportMap /> renders resolves this to the fingerprinted file.
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/ticketmap.js");
            var related = Related.Select(r => new { id = r.Ticket.Id, lon = r.Ticket.Location.Lon, lat = r.Ticket.Location.Lat, role = Role(r.Relation) });
            var surroundings = Surroundings.Select(m => new { id = m.Id, lon = m.At.Lon, lat = m.At.Lat, role = m.Role, label = m.Label, color = m.Color });
            await _module.InvokeVoidAsync("show", _elementId, new { id = Ticket.Id, lon = Ticket.Location.Lon, lat = Ticket.Location.Lat }, related, surroundings);
            _shown = signature;
        }
        catch (JSException ex)
        {
            // A map that cannot load must not take the console's circuit down with it.
            Logger.LogError(ex, "The ticket map could not start.");
            _failed = true;
            StateHasChanged();
        }
    }

    private static string Role(Relation relation) => relation switch
    {
        Relation.Case => "case",
        Relation.MergedReport => "merged",
        _ => "candidate",
    };

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
}
