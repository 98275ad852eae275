using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Boundary;
using Twin.Domain.Engine;

namespace CommandCenter.Scenes;

/// <summary>
/// Decides the one scene all walls show and pushes each change: to the walls' panels through
/// <see cref="Changed"/> and to their maps over the hub. An emergency pre-empts everything and
/// holds until it is stood down; otherwise the daily scenes of <c>Twin:Wall:SceneRotation</c>
/// take turns every <c>SceneSeconds</c>, and a scene a person pushes stays up until the rotation's
/// next turn (or, with one scene configured, until the next push). It looks at the twin's mode
/// every <see cref="Period"/>, well inside the 2 s in which every wall must follow.
/// </summary>
public sealed class WallSceneDirector(
    ITwinQueries queries,
    IWallSceneSender sender,
    IOptions<TwinOptions> options,
    TimeProvider realTime,
    ILogger<WallSceneDirector> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    private readonly Lock _gate = new();
    private readonly IReadOnlyList<WallScene> _rotation = WallScenes.TryParseRotation(options.Value.Wall.SceneRotation, out var r) ? r : [WallScene.District];
    private int _turn;
    private WallScene _daily = WallScene.District;
    private DateTimeOffset _turnStartedAt = realTime.GetUtcNow();

    /// <summary>Raised (on the director's thread) with each new scene.</summary>
    public event Action<WallSceneMessage>? Changed;

    public WallSceneMessage Current { get; private set; } = new(WallScene.District.Slug(), null, null);

    /// <summary>Puts a daily scene on every wall now; false during an emergency, which holds the walls.</summary>
    public bool Push(WallScene scene)
    {
        if (scene == WallScene.Emergency || queries.Current.IsEmergency)
        {
            return false;
        }

        lock (_gate)
        {
            _daily = scene;
            _turnStartedAt = realTime.GetUtcNow();
            var index = IndexOf(scene);
            _turn = index < 0 ? _turn : index;
        }

        logger.LogInformation("Wall scene {Scene} pushed.", scene.Slug());
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await queries.WaitUntilReadyAsync(stoppingToken);
        lock (_gate)
        {
            // The rotation's first turn starts with the twin, not with the process.
            _daily = _rotation[0];
            _turnStartedAt = realTime.GetUtcNow();
        }

        using var timer = new PeriodicTimer(Period, realTime);
        do
        {
            var next = Decide(queries.Current);
            if (next != Current)
            {
                Current = next;
                Changed?.Invoke(next);
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
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private WallSceneMessage Decide(TwinSnapshot snapshot)
    {
        if (snapshot.Mode is { IsEmergency: true } mode)
        {
            return new WallSceneMessage(WallScene.Emergency.Slug(), mode.IncidentId, mode.Level!.Value.ToString());
        }

        lock (_gate)
        {
            var now = realTime.GetUtcNow();
            if (_rotation.Count > 1 && now - _turnStartedAt >= TimeSpan.FromSeconds(options.Value.Wall.SceneSeconds))
            {
                _turn = (_turn + 1) % _rotation.Count;
                _daily = _rotation[_turn];
                _turnStartedAt = now;
            }

            return new WallSceneMessage(_daily.Slug(), null, null);
        }
    }

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
