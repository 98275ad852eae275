using System.Collections.Concurrent;
using System.Security.Claims;
using CommandCenter.Map;
using CommandCenter.Scenes;
using CommandCenter.Security;

namespace CommandCenter.Hub;

/// <summary>
/// The hub connections each paired wall device holds. When an admin moves a wall to another
/// organisation (<see cref="WallOrganisationChanges"/>), its connections are subscribed afresh in
/// the new scope: the wall gets the new scope's snapshot at once and that scope's deltas after it,
/// and the scene as the new scope follows it, with no one at the wall to reload it.
/// </summary>
public sealed class WallDeviceFeeds : IDisposable
{
    private readonly ConcurrentDictionary<string, (string DeviceId, ClaimsPrincipal User)> _connections = new(StringComparer.Ordinal);
    private readonly MapBroadcaster _broadcaster;
    private readonly SignedInScope _scopes;
    private readonly WallOrganisationChanges _changes;
    private readonly ILogger<WallDeviceFeeds> _logger;
    private readonly HubSceneSender _scenes;
    private readonly WallSceneDirector _director;

    public WallDeviceFeeds(
        MapBroadcaster broadcaster, SignedInScope scopes, WallOrganisationChanges changes, ILogger<WallDeviceFeeds> logger, HubSceneSender scenes, WallSceneDirector director)
    {
        _scenes = scenes;
        _director = director;
        _broadcaster = broadcaster;
        _scopes = scopes;
        _changes = changes;
        _logger = logger;
        _changes.DeviceChanged += OnDeviceChanged;
    }

    public void Connected(string connectionId, ClaimsPrincipal user)
    {
        if (user.FindFirstValue(TwinClaims.Device) is { } device)
        {
            _connections[connectionId] = (device, user);
        }
    }

    public void Disconnected(string connectionId) => _connections.TryRemove(connectionId, out _);

    public void Dispose() => _changes.DeviceChanged -= OnDeviceChanged;

    private void OnDeviceChanged(string deviceId)
    {
        foreach (var (connectionId, held) in _connections.Where(c => c.Value.DeviceId == deviceId).ToList())
        {
            _ = ResubscribeAsync(connectionId, held.User);
        }
    }

    private async Task ResubscribeAsync(string connectionId, ClaimsPrincipal user)
    {
        try
        {
            var scope = await _scopes.OfAsync(user);
            await _broadcaster.UnsubscribeAsync(connectionId);
            if (_connections.ContainsKey(connectionId))
            {
                await _broadcaster.SubscribeAsync(connectionId, scope, CancellationToken.None);
                await _scenes.JoinAsync(connectionId, scope, _director.Current, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The wall keeps its old feed until it reconnects, when it is subscribed in its new scope anyway.
            _logger.LogWarning(e, "Could not move wall connection {Connection} to its new organisation's feed", connectionId);
        }
    }
}
