using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CommandCenter.Audit;
using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;

namespace CommandCenter.Scenes;

/// <summary>
/// Decides the one scene all walls show and pushes each change: to the walls' panels through
/// <see cref="Changed"/> and to their maps over the hub. An emergency pre-empts everything and
/// holds until it is stood down; a presentation (<see cref="WallPresentation"/>) holds the walls
/// while its presenter acts and for <c>PresenterIdleMinutes</c> after; otherwise the daily scenes
/// of <c>Twin:Wall:SceneRotation</c> take turns every <c>SceneSeconds</c>, and a scene a person
/// pushes stays up until the rotation's next turn (or, with one scene configured, until the next push).
/// Nothing is polled: the director decides again when the twin commits a change of mode, when a
/// person pushes or presents, and when the rotation's turn or a presentation's idle time is due.
/// With two or more nodes only the writer's director decides and sends; a follower's shows what the
/// writer's publishes and hands its pushes and presenter steps to it (<see cref="WallSceneRelay"/>).
/// </summary>
public sealed class WallSceneDirector(
    ITwinQueries queries,
    ITwinChanges changes,
    IWallSceneSender sender,
    IOptions<TwinOptions> options,
    TimeProvider realTime,
    AuditTrail audit,
    ILogger<WallSceneDirector> logger,
    NodeRole role,
    WallSceneRelay relay) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<WallScene> _rotation = WallScenes.TryParseRotation(options.Value.Wall.SceneRotation, out var r) ? r : [WallScene.District];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private readonly TimeSpan _idle = TimeSpan.FromMinutes(options.Value.Wall.PresenterIdleMinutes);
    private int _turn;
    private WallScene _daily = WallScene.District;
    private DateTimeOffset _turnStartedAt = realTime.GetUtcNow();
    private readonly SemaphoreSlim _presenting = new(1, 1);
    private WallPresentation? _presentation;
    private long _receivedAt;
    private long _modeReceivedAt;
    private long _modeCommittedAt;
    private string? _mode;
    private (long ReceivedAt, long CommittedAt) _modeCause;
    private WallSceneState? _published;
    private readonly ConditionalWeakTable<object, Lock> _subscriberGates = [];

    /// <summary>Raised with each new scene, on the thread pool (see <see cref="Raise"/>).</summary>
    public event Action<WallSceneMessage>? Changed;

    public WallSceneMessage Current { get; private set; } = new(WallScene.District.Slug(), null, null);

    /// <summary>The presentation holding the walls, or null when they follow the mode and the rotation.</summary>
    public WallPresentation? Presentation
    {
        get
        {
            lock (_gate)
            {
                return _presentation;
            }
        }
    }

    /// <summary>Puts a daily scene on every wall now; false during an emergency, which holds the walls.</summary>
    public bool Push(WallScene scene)
    {
        if (scene == WallScene.Emergency || queries.Current.IsEmergency)
        {
            return false;
        }

        if (!Leads)
        {
            _ = relay.AskAsync(new WallSceneAsk(Push: scene), CancellationToken.None);
            return true;
        }

        lock (_gate)
        {
            _daily = scene;
            _turnStartedAt = realTime.GetUtcNow();
            var index = IndexOf(scene);
            _turn = index < 0 ? _turn : index;
        }

        logger.LogInformation("Wall scene {Scene} pushed.", scene.Slug());
        Wake();
        return true;
    }

    /// <summary>
    /// A supervisor's or leader's change of mode reached the server: noted so the emergency scene's
    /// message can say how long the writer took to commit it (<see cref="WallSceneMessage.CommittedAt"/>).
    /// </summary>
    public void ModeChangeReceived() => Interlocked.Exchange(ref _modeReceivedAt, realTime.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>
    /// One presenter's action, one at a time: <paramref name="act"/> gets the presentation in force
    /// and the time, records its audit row and answers the next presentation (null ends it) and its
    /// outcome; the walls are told at once. A refusal answers the presentation unchanged.
    /// </summary>
    public Task<T> PresentAsync<T>(Func<WallPresentation?, DateTimeOffset, (WallPresentation? Next, T Outcome)> act) =>
        PresentAsync(act, realTime.GetUtcNow().ToUnixTimeMilliseconds());

    private async Task<T> PresentAsync<T>(Func<WallPresentation?, DateTimeOffset, (WallPresentation? Next, T Outcome)> act, long receivedAt)
    {
        await _presenting.WaitAsync();
        try
        {
            var (next, outcome) = act(Presentation, realTime.GetUtcNow());
            if (!Leads)
            {
                // The writer's director puts it on the walls and publishes it back; until then this node's presenter sees its own step.
                await relay.AskAsync(new WallSceneAsk(Presents: true, Present: next, ReceivedAt: receivedAt), CancellationToken.None);
            }

            lock (_gate)
            {
                if (next != _presentation)
                {
                    _receivedAt = receivedAt;
                }

                if (_presentation is not null && next is null)
                {
                    // The rotation's turn starts afresh when the walls are handed back.
                    _turnStartedAt = realTime.GetUtcNow();
                }

                _presentation = next;
            }

            Wake();
            return outcome;
        }
        finally
        {
            _presenting.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queries.WaitUntilReadyAsync(stoppingToken);
        if (relay.Active)
        {
            await FollowUntilWriterAsync(stoppingToken);
        }

        lock (_gate)
        {
            // The rotation's first turn starts with the twin, not with the process.
            _daily = _rotation[0];
            _turnStartedAt = realTime.GetUtcNow();
        }

        // A mode's change is committed, published and then offered here: the walls follow it now.
        using var subscription = changes.Subscribe(nameof(WallSceneDirector), (set, _) =>
        {
            if (set.IsReset || set.Events.Any(e => e is ModeChanged))
            {
                Interlocked.Exchange(ref _modeCommittedAt, realTime.GetUtcNow().ToUnixTimeMilliseconds());
                Wake();
            }

            return Task.CompletedTask;
        });

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = Decide(queries.Current);
            if (next != Current)
            {
                Current = next;
                Raise(next);
                await SendAsync(next, stoppingToken);
            }

            await PublishAsync(stoppingToken);

            await WaitAsync(NextDue(), stoppingToken);
        }
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>
    /// Tells each subscriber of <see cref="Changed"/> on the thread pool, never on the director's
    /// thread: a page's handler renders there at once when its circuit is idle (Blazor runs
    /// <c>InvokeAsync</c> inline), so raised in line every wall's panels were drawn, one page after
    /// another, before the maps' hub message left (1.3 s from a mode's commit to the send, clean-clone
    /// run). A subscriber is told one scene at a time and only while it is the latest, so a slow one
    /// never ends on an older scene than the walls.
    /// </summary>
    private void Raise(WallSceneMessage next)
    {
        if (Changed is not { } handlers)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Action<WallSceneMessage>>())
        {
            var gate = _subscriberGates.GetValue(handler.Target ?? handler.Method, _ => new Lock());
            _ = Task.Run(() =>
            {
                lock (gate)
                {
                    if (next != Current)
                    {
                        return;
                    }

                    try
                    {
                        handler(next);
                    }
                    catch (Exception ex)
                    {
                        logger.LogWarning(ex, "A subscriber to the wall scene {Scene} failed.", next.Scene);
                    }
                }
            });
        }
    }

    /// <summary>Whether this node's director decides: on one node always; with several, the writer's only.</summary>
    private bool Leads => !relay.Active || role.IsWriting;

    /// <summary>Until this node becomes the writer: shows the writer's scenes and asks for the one in force.</summary>
    private async Task FollowUntilWriterAsync(CancellationToken stoppingToken)
    {
        relay.Followed += OnFollowed;
        relay.Asked += OnAsked;
        relay.Start();
        if (!role.IsWriting)
        {
            await relay.AskAsync(new WallSceneAsk(), stoppingToken);
            await role.Writing.WaitAsync(stoppingToken);
        }
    }

    private void OnFollowed(WallSceneState state)
    {
        if (Leads)
        {
            return;
        }

        lock (_gate)
        {
            _presentation = state.Presentation;
        }

        Current = state.Current;
        Raise(state.Current);
        if (relay.FollowerSends)
        {
            _ = SendAsync(state.Current, CancellationToken.None);
        }
    }

    private void OnAsked(WallSceneAsk ask)
    {
        if (!Leads)
        {
            return;
        }

        if (ask.Push is { } scene)
        {
            Push(scene);
        }
        else if (ask.Presents)
        {
            _ = PresentAsync((_, _) => (ask.Present, true), ask.ReceivedAt);
        }
        else
        {
            // A new follower: publish the scene in force again.
            lock (_gate)
            {
                _published = null;
            }

            Wake();
        }
    }

    /// <summary>On the writer with followers: tells them the scene and presentation when either changed.</summary>
    private async Task PublishAsync(CancellationToken stoppingToken)
    {
        if (!relay.Active)
        {
            return;
        }

        var state = new WallSceneState(Current, Presentation);
        lock (_gate)
        {
            if (state == _published)
            {
                return;
            }

            _published = state;
        }

        await relay.PublishAsync(state, stoppingToken);
    }

    /// <summary>Waits for a wake-up, or until <paramref name="due"/> (the next turn or idle end) has passed.</summary>
    private async Task WaitAsync(TimeSpan? due, CancellationToken stoppingToken)
    {
        using var timeout = due is { } d ? new CancellationTokenSource(d, realTime) : new CancellationTokenSource();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Due: decide again.
        }
    }

    private async Task SendAsync(WallSceneMessage next, CancellationToken stoppingToken)
    {
        try
        {
            await sender.SendToAllAsync(next with { SentAt = realTime.GetUtcNow().ToUnixTimeMilliseconds() }, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A wall that missed the push asks for the scene when it (re)connects.
            logger.LogWarning(ex, "The wall scene {Scene} could not be sent.", next.Scene);
        }
    }

    /// <summary>How long until the rotation turns or the presentation falls idle; null when neither can happen.</summary>
    private TimeSpan? NextDue()
    {
        lock (_gate)
        {
            var now = realTime.GetUtcNow();
            TimeSpan? due = _rotation.Count > 1 ? _turnStartedAt + TimeSpan.FromSeconds(options.Value.Wall.SceneSeconds) - now : null;
            if (_presentation is { } p)
            {
                var idle = p.LastActionAt + _idle - now;
                due = due is { } t && t < idle ? t : idle;
            }

            return due is { } wait ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null;
        }
    }

    private WallSceneMessage Decide(TwinSnapshot snapshot)
    {
        WallPresentation? ended = null;
        WallSceneMessage next;
        lock (_gate)
        {
            var now = realTime.GetUtcNow();
            if (_presentation is { } p && p.IsIdle(now, _idle))
            {
                ended = p;
                _presentation = null;
                _turnStartedAt = now;
            }

            next = DecideLocked(snapshot, now);
        }

        if (ended is not null)
        {
            logger.LogInformation("The presentation by {Presenter} fell idle; the walls return to their rotation.", ended.Presenter);
            audit.Record(new AuditEntry(realTime.GetUtcNow(), ended.Presenter, AuditActions.WallPresentationIdle, ended.Slide.ToString(), AuditOutcome.Success,
                $"idle {_idle.TotalMinutes:0} min", null, null));
        }

        return next;
    }

    private WallSceneMessage DecideLocked(TwinSnapshot snapshot, DateTimeOffset now)
    {
        NoteMode(snapshot);
        if (snapshot.Mode is { IsEmergency: true } mode)
        {
            // A presenter may highlight the emergency scene's panels; no other scene replaces it.
            var highlight = _presentation?.Slide is { Scene: WallScene.Emergency } slide ? slide.Highlight : null;
            return Timed(new WallSceneMessage(WallScene.Emergency.Slug(), mode.IncidentId, mode.Level!.Value.ToString())
            {
                Highlight = highlight,
                Presenting = _presentation is not null,
            });
        }

        if (_presentation is { Slide: { Scene: not WallScene.Emergency } presented })
        {
            return Timed(new WallSceneMessage(presented.Scene.Slug(), null, null)
            {
                Focus = presented.SubDistrict,
                Highlight = presented.Highlight,
                Target = presented.Target is { } id ? KeyEvents.Locate(snapshot, id) : null,
                Presenting = true,
            });
        }

        if (_rotation.Count > 1 && now - _turnStartedAt >= TimeSpan.FromSeconds(options.Value.Wall.SceneSeconds))
        {
            _turn = (_turn + 1) % _rotation.Count;
            _daily = _rotation[_turn];
            _turnStartedAt = now;
        }

        return Timed(new WallSceneMessage(_daily.Slug(), null, null) { Presenting = _presentation is not null });
    }

    /// <summary>
    /// Notes whether the mode changed since the last decision and stamps the message with the times
    /// of its latest cause, a presenter's action or a change of mode; the stamps stay as they are
    /// until the next cause, so they never make an unchanged scene look new.
    /// </summary>
    private void NoteMode(TwinSnapshot snapshot)
    {
        var mode = snapshot.Mode is { IsEmergency: true } m ? $"{m.IncidentId}/{m.Level}" : string.Empty;
        if (mode != _mode)
        {
            _mode = mode;
            _modeCause = (Interlocked.Exchange(ref _modeReceivedAt, 0), Interlocked.Exchange(ref _modeCommittedAt, 0));
        }
    }

    private WallSceneMessage Timed(WallSceneMessage message) =>
        _modeCause.ReceivedAt > _receivedAt
            ? message with { ReceivedAt = _modeCause.ReceivedAt, CommittedAt = _modeCause.CommittedAt }
            : message with { ReceivedAt = _receivedAt };

    private int IndexOf(WallScene scene)
    {
        for (var i = 0; i < _rotation.Count; i++)
        {
            if (_rotation[i] == scene)
            {
                return i;
            }
        }

        return -1;
    }
}
