using CommandCenter.Components.Map;
using CommandCenter.Configuration;
using CommandCenter.Live;
using CommandCenter.Localization;
using CommandCenter.Scenes;
using CommandCenter.Security;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Domain.Organisations;
using CommandCenter.Components.Wall.Scenes;
using Twin.Domain.Emergency;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Catalogue;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Time;

namespace CommandCenter.Components.Wall;

/// <summary>
/// The command-hall wall (大屏). Panels render from the engine's snapshots, coalesced by
/// <see cref="WallFeed"/>, as the wall's organisation sees them (a 街镇's wall: its area's records,
/// figures and drones; a department's: its own cases and alarms, <see cref="AreaVitalSigns"/>), and
/// the director's scenes as it follows them (<see cref="WallSceneMessage.Within"/>); map features
/// never pass through here, they stream to the map's own hub connection.
/// </summary>
public sealed partial class WallPage : IDisposable
{
    private TwinMap? _map;
    private ITimer? _clockTimer;
    [Inject]
    private CircuitCulture Culture { get; set; } = default!;

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

    [Inject]
    private WallSceneDirector Scenes { get; set; } = default!;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private EventCatalogue Catalogue { get; set; } = default!;

    [Inject]
    private FloodControlAssets FloodControl { get; set; } = default!;

    [Inject]
    private DutyRoster Roster { get; set; } = default!;

    [Inject]
    private SignedInScope Scopes { get; set; } = default!;

    [Inject]
    private AreaVitalSigns AreaSigns { get; set; } = default!;

    [Inject]
    private WallOrganisationChanges WallChanges { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private ClaimsPrincipal _user = new();

    /// <summary>What this wall may show; nothing until it is known.</summary>
    private AccessScope? _scope;

    /// <summary>The twin as last received, before the wall's scope is applied.</summary>
    private TwinSnapshot? _latest;

    /// <summary>The scene the director pushed last; every wall shows the same.</summary>
    private WallScene Scene { get; set; } = WallScene.District;

    /// <summary>The director's last message: the scene with a presenter's focus and highlight.</summary>
    private WallSceneMessage Message { get; set; } = new(WallScene.District.Slug(), null, null);

    private string? Highlight => Message.Highlight;

    /// <summary>What the presenter framed the map on, for the header: a 街镇, or a ticket or alarm by its id.</summary>
    private string? FocusName => Message switch
    {
        { Focus: { } code } => SubDistrictName(code),
        { Target: { } target } => WallText.TargetName(target.Kind == KeyEvents.AlarmKind, target.Id),
        _ => null,
    };

    /// <summary>The latest snapshot as this wall's organisation sees it.</summary>
    private TwinSnapshot? Snapshot { get; set; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    private double SpeedFactor => Clock.SpeedFactor;


    private bool IsStale => RealTime.GetUtcNow() - Feed.LastChangeAt > TimeSpan.FromSeconds(Options.Value.Wall.StaleAfterSeconds);

    private string StaleLabel => WallText.Stale;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _user = (await AuthenticationState).User;
        }

        _scope = await Scopes.OfAsync(_user);
        Show(Feed.Current);
        Feed.Updated += OnSnapshot;
        WallChanges.DeviceChanged += OnWallMoved;
        Message = Scenes.Current.Within(_scope?.Area, District);
        Scene = SceneOf(Message);
        Scenes.Changed += OnScene;
        _clockTimer = RealTime.CreateTimer(_ => InvokeAsync(() => Culture.Run(StateHasChanged)), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void Show(TwinSnapshot? snapshot)
    {
        _latest = snapshot;
        Snapshot = snapshot is not null && _scope is not null ? AreaSigns.View(_scope, snapshot) : null;
    }

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(() => Culture.Run(() =>
    {
        Show(snapshot);
        StateHasChanged();
    }));

    /// <summary>An admin moved this wall to another organisation (on any node): its panels take the new scope at once, like its map.</summary>
    private void OnWallMoved(string deviceId)
    {
        if (_user.FindFirstValue(TwinClaims.Device) != deviceId)
        {
            return;
        }

        _ = InvokeAsync(async () =>
        {
            _scope = await Scopes.OfAsync(_user);
            Culture.Run(() =>
            {
                Message = Scenes.Current.Within(_scope?.Area, District);
                Show(_latest);
                StateHasChanged();
            });
        });
    }

    private void OnScene(WallSceneMessage scene) => InvokeAsync(() => Culture.Run(() =>
    {
        // A 街镇's wall follows a presenter's step within its own area.
        Message = scene.Within(_scope?.Area, District);
        Scene = SceneOf(scene);

        // The scene's panels read the twin as it is now (the mode that brought the scene with it),
        // not as of the feed's last poll, up to a render budget behind.
        Show(Queries.IsReady ? Queries.Current : Feed.Current ?? _latest);
        StateHasChanged();
    }));

    private static WallScene SceneOf(WallSceneMessage scene) =>
        Enum.GetValues<WallScene>().FirstOrDefault(s => s.Slug() == scene.Scene);

    private IReadOnlyList<ScenePanel> LeftPanels(TwinSnapshot snapshot) => Scene switch
    {
        WallScene.Emergency => EmergencyPanels.Left(snapshot, new EmergencyReference(FloodControl, Roster), Now, SubDistrictName),
        WallScene.KeyEvents => KeyEventPanels.Left(snapshot, KeyEvents.Of(snapshot, Now), Now, SubDistrictName),
        WallScene.Briefing => [],
        _ => CorridorPanels.Left(snapshot, District),
    };

    private IReadOnlyList<ScenePanel> RightPanels(TwinSnapshot snapshot) => Scene switch
    {
        WallScene.Emergency => EmergencyPanels.Right(snapshot, new EmergencyReference(FloodControl, Roster), Now, SubDistrictName),
        WallScene.KeyEvents => KeyEventPanels.Right(snapshot, KeyEvents.Of(snapshot, Now), Now, SubDistrictName),
        WallScene.Briefing => [],
        _ => CorridorPanels.Right(snapshot, District, Now, SubDistrictName),
    };

    private async Task OnLayerToggledAsync((string Layer, bool Visible) change)
    {
        if (_map is not null)
        {
            await _map.SetLayerVisibleAsync(change.Layer, change.Visible);
        }
    }

    /// <summary>
    /// The engine ranks categories and 街镇 by code and names them in Chinese; the wall names them in
    /// its language from the catalogue and the district map. Hot words stay as citizens wrote them
    /// (quoted source text, marked as Chinese; the English title says so): a word-by-word
    /// translation of complaints would put words in citizens' mouths.
    /// </summary>
    /// <remarks>A 街镇's hotspots are its 居委, which have Chinese names only.</remarks>
    private VoiceFigures VoiceInLanguage(VoiceFigures voice) => voice with
    {
        TopCategories = [.. voice.TopCategories.Select(i => Catalogue.Find(i.Key) is { } c ? i with { Name = Language.Name(c.NameZh, c.NameEn) } : i)],
        HotspotSubDistricts = IsArea ? voice.HotspotSubDistricts : [.. voice.HotspotSubDistricts.Select(i => i with { Name = SubDistrictName(i.Key) })],
    };

    /// <summary>The panels show one 街镇's figures, not the district's.</summary>
    private bool IsArea => Snapshot?.VitalSigns.SubDistrictCode is not null;

    private string SubDistrictName(string code) =>
        District.FindSubDistrict(code) is { } s ? Language.Name(s.Name, s.NameEn) : code;

    public void Dispose()
    {
        Feed.Updated -= OnSnapshot;
        WallChanges.DeviceChanged -= OnWallMoved;
        Scenes.Changed -= OnScene;
        _clockTimer?.Dispose();
    }
}
