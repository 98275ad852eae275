using CommandCenter.Components.Map;
using CommandCenter.Configuration;
using CommandCenter.Live;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Time;

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
    private readonly CircuitCulture _culture = new();

    [Inject]
    private WallFeed Feed { get; set; } = default!;

    [Inject]
    private TwinClock Clock { get; set; } = default!;

    [Inject]
    private DistrictMap District { get; set; } = default!;

    [Inject]
    private IOptions<TwinOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider RealTime { get; set; } = default!;

    private TwinSnapshot? Snapshot { get; set; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    private double SpeedFactor => Clock.SpeedFactor;


    private bool Emergency => Snapshot?.IsEmergency == true;

    private bool IsStale => RealTime.GetUtcNow() - Feed.LastChangeAt > TimeSpan.FromSeconds(Options.Value.Wall.StaleAfterSeconds);

    private string StaleLabel => WallText.Stale;

    protected override void OnInitialized()
    {
        Snapshot = Feed.Current;
        Feed.Updated += OnSnapshot;
        _clockTimer = RealTime.CreateTimer(_ => InvokeAsync(() => _culture.Run(StateHasChanged)), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(() => _culture.Run(() =>
    {
        Snapshot = snapshot;
        StateHasChanged();
    }));

    private async Task OnLayerToggledAsync((string Layer, bool Visible) change)
    {
        if (_map is not null)
        {
            await _map.SetLayerVisibleAsync(change.Layer, change.Visible);
        }
    }

    private string SubDistrictName(string code) =>
        District.FindSubDistrict(code) is { } s ? Language.Name(s.Name, s.NameEn) : code;

    public void Dispose()
    {
        Feed.Updated -= OnSnapshot;
        _clockTimer?.Dispose();
    }
}
