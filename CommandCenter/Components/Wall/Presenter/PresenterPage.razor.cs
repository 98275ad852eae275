using CommandCenter.Configuration;
using CommandCenter.Live;
using CommandCenter.Localization;
using CommandCenter.Scenes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Time;
using CommandCenter.Components.Console;

namespace CommandCenter.Components.Wall.Presenter;

/// <summary>
/// 领导来访汇报: an officer, supervisor or leader drives every wall from a tablet or the console —
/// steps through the prepared sequence, chooses a scene or a 街镇, points at a panel. Each action
/// goes through <see cref="IWallPresenter"/> (role check, the walls, then its audit row); the page
/// follows the director, so two presenters' pages show the same, and the twin for today's key events.
/// </summary>
public sealed partial class PresenterPage : IDisposable
{
    [Inject]
    private CircuitCulture Culture { get; set; } = default!;

    [Inject]
    private IWallPresenter Presenter { get; set; } = default!;

    [Inject]
    private WallSceneDirector Director { get; set; } = default!;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private DistrictMap District { get; set; } = default!;

    [Inject]
    private TwinClock Clock { get; set; } = default!;

    [Inject]
    private IOptions<TwinOptions> Options { get; set; } = default!;

    [Inject]
    private WallFeed Feed { get; set; } = default!;

    private bool MayPresent { get; set; }

    /// <summary>
    /// Actions made whose audit rows are not yet committed: the walls follow each at once, the
    /// buttons wait for its acknowledgement (a clicker's keys are taken in order meanwhile).
    /// </summary>
    private int InFlight { get; set; }

    private bool Busy => InFlight > 0;

    private string? Refusal { get; set; }

    private WallPresentation? Presentation { get; set; }

    private WallSceneMessage Walls { get; set; } = new(WallScene.District.Slug(), null, null);

    private bool IsEmergency => Walls.Scene == WallScene.Emergency.Slug();

    private int IdleMinutes => Options.Value.Wall.PresenterIdleMinutes;

    private string? TargetId { get; set; }

    /// <summary>今日要事 as the walls number them, so the presenter can zoom to one; kept as the twin changes.</summary>
    private IReadOnlyList<KeyEvent> Events { get; set; } = [];

    private IEnumerable<(string Code, string Name)> SubDistricts => District.SubDistricts.Select(s => (s.Code, Language.Name(s.Name, s.NameEn)));

    /// <summary>The panels of the scene on the walls, in the order the number keys pick them.</summary>
    private IReadOnlyList<string> Panels =>
        PresenterSlide.Panels[Enum.GetValues<WallScene>().FirstOrDefault(s => s.Slug() == Walls.Scene)];

    private string WallsNow
    {
        get
        {
            var scene = Enum.GetValues<WallScene>().FirstOrDefault(s => s.Slug() == Walls.Scene);
            return PresenterText.SlideName(new PresenterSlide(scene, Walls.Focus, Walls.Highlight), SubDistrictName);
        }
    }

    protected override async Task OnInitializedAsync()
    {
        MayPresent = await Presenter.MayPresentAsync();
        Walls = Director.Current;
        Presentation = Director.Presentation;
        Events = Queries.IsReady ? KeyEvents.Of(Queries.Current, Clock.GetUtcNow()) : [];
        Director.Changed += OnWalls;
        Feed.Updated += OnTwin;
    }

    /// <summary>A new picture of the twin: the list is drawn again only when its key events changed.</summary>
    private void OnTwin(TwinSnapshot snapshot)
    {
        var events = KeyEvents.Of(snapshot, Clock.GetUtcNow());
        if (events.SequenceEqual(Events))
        {
            return;
        }

        _ = InvokeAsync(() => Culture.Run(() =>
        {
            Events = events;
            StateHasChanged();
        }));
    }

    private void OnWalls(WallSceneMessage message) => InvokeAsync(() => Culture.Run(() =>
    {
        Walls = message;
        Presentation = Director.Presentation;
        StateHasChanged();
    }));

    private bool IsCurrentStep(int index) => Presentation is { } p && p.Step == index && p.Slide == p.Sequence[index];

    private string SubDistrictName(string code) => District.FindSubDistrict(code) is { } s ? Language.Name(s.Name, s.NameEn) : code;

    private Task StartAsync() => ActAsync(Presenter.StartAsync);

    private Task ForwardAsync() => ActAsync(Presenter.ForwardAsync);

    private Task BackAsync() => ActAsync(Presenter.BackAsync);

    private Task EndAsync() => ActAsync(Presenter.EndAsync);

    private Task ChooseAsync(PresenterSlide slide) => ActAsync(() => Presenter.ChooseAsync(slide));

    /// <summary>The walls zoom to a ticket or alarm on the scene in force when it has a map to zoom, else on 今日要事.</summary>
    private Task ZoomAsync(string? id)
    {
        var scene = Presentation?.Slide.Scene is { } s && PresenterSlide.MayTarget(s) ? s : WallScene.KeyEvents;
        return string.IsNullOrWhiteSpace(id) ? Task.CompletedTask : ActAsync(() => Presenter.ChooseAsync(new PresenterSlide(scene, Target: id.Trim())));
    }

    private Task HighlightAsync(string? panel) => ActAsync(() => Presenter.HighlightAsync(panel));

    private Task OnKeyAsync(string key) => key switch
    {
        "ArrowRight" or "ArrowDown" or "PageDown" or " " => ForwardAsync(),
        "ArrowLeft" or "ArrowUp" or "PageUp" => BackAsync(),
        "0" or "Escape" => HighlightAsync(null),
        [var digit] when digit is >= '1' and <= '9' && digit - '1' < Panels.Count => HighlightAsync(Panels[digit - '1']),
        _ => Task.CompletedTask,
    };

    private async Task ActAsync(Func<Task<CommandOutcome>> action)
    {
        InFlight++;
        Refusal = null;
        try
        {
            var outcome = await action();
            Refusal = outcome.Accepted ? null : RefusalText.Of(outcome, ConsoleText.ActionRefused);
            Presentation = Director.Presentation;
        }
        finally
        {
            InFlight--;
        }
    }

    public void Dispose()
    {
        Director.Changed -= OnWalls;
        Feed.Updated -= OnTwin;
    }
}
