using CommandCenter.Live;
using CommandCenter.Localization;
using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Time;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// 应急指挥 at the console: the mode and its controls, the running plan's checklist, the supplies,
/// the open proposals and the incidents with their after-action reports. Snapshots come from
/// <see cref="WallFeed"/>; every action goes through <see cref="IEmergencyCommands"/>.
/// </summary>
public sealed partial class EmergencyPage : IDisposable
{
    [Inject]
    private CircuitCulture Culture { get; set; } = default!;
    private string? _incidentsSeenFor;

    [Inject]
    private WallFeed Feed { get; set; } = default!;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private IEmergencyCommands Commands { get; set; } = default!;

    [Inject]
    private TwinClock Clock { get; set; } = default!;

    private TwinSnapshot? Snapshot { get; set; }

    private EmergencyPowers Powers { get; set; } = new(false, false);

    private IReadOnlyList<IncidentSummary> Incidents { get; set; } = [];

    private DateTimeOffset Now => Clock.GetUtcNow();

    public static string AfterActionLink(string incidentId) => $"/console/emergency/incidents/{Uri.EscapeDataString(incidentId)}";

    protected override async Task OnInitializedAsync()
    {
        Powers = await Commands.PowersAsync();
        Snapshot = Feed.Current ?? (Queries.IsReady ? Queries.Current : null);
        Feed.Updated += OnSnapshot;
        await RefreshIncidentsAsync();
    }

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(async () =>
    {
        Culture.Apply();
        Snapshot = snapshot;
        await RefreshIncidentsAsync();
        StateHasChanged();
    });

    /// <summary>The list changes only when an incident starts or ends, so it is read again only then.</summary>
    private async Task RefreshIncidentsAsync()
    {
        var key = Snapshot is { } s ? $"{s.Mode.IncidentId}|{s.Mode.Since:O}" : null;
        if (key is null || key == _incidentsSeenFor)
        {
            return;
        }

        _incidentsSeenFor = key;
        Incidents = await Queries.ListIncidentsAsync();
    }

    public void Dispose() => Feed.Updated -= OnSnapshot;
}
