using CommandCenter.Components.Map;
using CommandCenter.Configuration;
using CommandCenter.Live;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Twin.Domain.Engine;

namespace CommandCenter.Components.Wall;

/// <summary>
/// The command-hall wall (大屏). Panels render from the engine's snapshots, coalesced by
/// <see cref="WallFeed"/>; map features never pass through here, they stream to the map's own
/// hub connection.
/// </summary>
public sealed partial class WallPage : IDisposable
{
    private TwinMap? _map;
    private ITimer? _clockTimer;

    [Inject]
    private WallFeed Feed { get; set; } = default!;

    [Inject]
    private TwinRuntime Runtime { get; set; } = default!;

    [Inject]
    private IOptions<TwinOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider RealTime { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "lang")]
    public string? LangQuery { get; set; }

    private Lang Lang => LangExtensions.Parse(LangQuery);

    private TwinSnapshot? Snapshot { get; set; }

    private DateTimeOffset Now => Runtime.Clock.GetUtcNow();

    private double SpeedFactor => Runtime.SpeedFactor;

    private string MapConnection { get; set; } = "connecting";

    private bool Emergency => Snapshot?.IsEmergency == true;

    private bool IsStale => RealTime.GetUtcNow() - Feed.LastChangeAt > TimeSpan.FromSeconds(Options.Value.Wall.StaleAfterSeconds);

    private string StaleLabel => Lang.Pick("数据延迟", "Stale");

    protected override void OnInitialized()
    {
        Snapshot = Feed.Current;
        Feed.Updated += OnSnapshot;
        _clockTimer = RealTime.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(() =>
    {
        Snapshot = snapshot;
        StateHasChanged();
    });

    private void OnMapConnectionChanged(string state) => MapConnection = state;

    private async Task OnLayerToggledAsync((string Layer, bool Visible) change)
    {
        if (_map is not null)
        {
            await _map.SetLayerVisibleAsync(change.Layer, change.Visible);
        }
    }

    private string SubDistrictName(string code) =>
        Runtime.District.FindSubDistrict(code) is { } s ? Lang.Pick(s.Name, s.NameEn) : code;

    public void Dispose()
    {
        Feed.Updated -= OnSnapshot;
        _clockTimer?.Dispose();
    }
}
