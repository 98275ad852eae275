using System.Globalization;
using CommandCenter.Field;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Domain.Drones;
using Twin.Domain.Field;
using Twin.Domain.Geography;

namespace CommandCenter.Components.Field;

/// <summary>
/// A case's field reports in the console, read from the store when the case changes (a report moves
/// it to 审核, so it shows with the timeline entry that records it), for the supervisor who reviews it.
/// </summary>
public sealed partial class FieldEvidence
{
    private (string? Id, DateTimeOffset At) _loaded;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Parameter, EditorRequired]
    public string TicketId { get; set; } = string.Empty;

    /// <summary>The case's place, to say how far from it each photo was taken.</summary>
    [Parameter, EditorRequired]
    public GeoPoint Location { get; set; }

    /// <summary>The case's last change; a new value reloads the reports.</summary>
    [Parameter]
    public DateTimeOffset UpdatedAt { get; set; }

    private IReadOnlyList<FieldReportInfo> Reports { get; set; } = [];

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == (TicketId, UpdatedAt))
        {
            return;
        }

        _loaded = (TicketId, UpdatedAt);
        Reports = await Queries.GetFieldReportsAsync(TicketId);
    }

    private string Where(GeoPoint at) => string.Create(CultureInfo.InvariantCulture,
        $"{at.Lon:F5}, {at.Lat:F5} · {FieldText.FromCase(EvidenceRules.DistanceMetres(at, Location))}");

    private static string Url(string photoId) => $"{FieldEndpoints.Prefix}/photos/{Uri.EscapeDataString(photoId)}";
}
