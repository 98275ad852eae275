using Twin.Domain.Geography;
using Twin.Domain.Organisations;

namespace CommandCenter.Scenes;

/// <summary>
/// The scene every wall shows, as the hub sends it (<c>Scene</c>): its slug (district, corridor,
/// emergency) and, in an emergency, the incident and its level's numeral (IV–I).
/// </summary>
public sealed record WallSceneMessage(string Scene, string? IncidentId, string? Level)
{
    /// <summary>
    /// When a change was sent (ms since the Unix epoch, real time), so a wall can tell the server's
    /// share of how long it took to follow from its own; 0 when a wall asked for the scene in force.
    /// </summary>
    public long SentAt { get; init; }

    /// <summary>The 街镇 (its code) a presenter framed the map on; null for the whole scene.</summary>
    public string? Focus { get; init; }

    /// <summary>The panel (its key, e.g. <c>alerts</c>) a presenter points the room at; null for none.</summary>
    public string? Highlight { get; init; }

    /// <summary>The ticket or alarm a presenter zoomed the map to (its id, kind and place), or null.</summary>
    public SceneTarget? Target { get; init; }

    /// <summary>
    /// When the person's action that brought this message (a presenter's step, a supervisor's
    /// change of mode) reached the server (ms since the Unix epoch, real time; 0 for none), so the
    /// time to the walls splits into the click's way to the server, the server's share (up to
    /// <see cref="SentAt"/>) and the hub and the wall's.
    /// </summary>
    public long ReceivedAt { get; init; }

    /// <summary>
    /// For a change of mode, when the director heard that the writer had committed it (ms since the
    /// Unix epoch, real time; 0 otherwise): the writer's share lies between <see cref="ReceivedAt"/> and this.
    /// </summary>
    public long CommittedAt { get; init; }

    /// <summary>True while a presenter holds the walls (领导来访汇报), so the walls can say so.</summary>
    public bool Presenting { get; init; }

    /// <summary>
    /// This message as a wall kept to <paramref name="area"/> (a 街镇's code, <see cref="AccessScope.Area"/>;
    /// null for the centre's and a department's walls, which follow it as it is) follows it. The
    /// centre's presenter steers every wall, a 街镇's too, but a 街镇's wall stays over its own area: a
    /// 街镇 or a ticket or alarm of another area is not flown to; the wall frames its own 街镇 instead
    /// (its panels and map hold nothing of the other area to show). The scene and the highlighted
    /// panel follow on every wall.
    /// </summary>
    public WallSceneMessage Within(string? area, DistrictMap district)
    {
        if (area is null)
        {
            return this;
        }

        var targetElsewhere = Target is { } target && district.SubDistrictAt(new GeoPoint(target.Lon, target.Lat))?.Code != area;
        return (Focus is null || Focus == area) && !targetElsewhere
            ? this
            : this with { Focus = area, Target = targetElsewhere ? null : Target };
    }
}

/// <summary>A ticket or alarm on the walls' map: its id, <c>ticket</c> or <c>alarm</c>, and where it is.</summary>
public sealed record SceneTarget(string Id, string Kind, double Lon, double Lat);

/// <summary>Sends the scene to screens; answered by the hub folder.</summary>
public interface IWallSceneSender
{
    Task SendToAllAsync(WallSceneMessage scene, CancellationToken ct);
}
