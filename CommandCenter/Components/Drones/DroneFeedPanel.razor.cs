using System.Collections.Immutable;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Drones;

namespace CommandCenter.Components.Drones;

/// <summary>
/// The wall's picture-in-picture of one drone's feed. It stays on the drone it shows while that
/// one flies, and turns to a drone sent to an alarm or a ticket as soon as one is.
/// </summary>
public sealed partial class DroneFeedPanel
{
    private string? _shownId;

    private static Lang Lang => Language.Current;

    [Parameter]
    public ImmutableArray<DroneState> Drones { get; set; } = [];

    [Parameter]
    public ImmutableArray<MissionState> Missions { get; set; } = [];

    private DroneState? Chosen { get; set; }

    protected override void OnParametersSet()
    {
        Chosen = Choose(Drones, Missions, _shownId);
        _shownId = Chosen?.Id;
    }

    /// <summary>A drone on a flight to an alarm or ticket first, then the one already shown while it flies, then any flying, then any.</summary>
    public static DroneState? Choose(IReadOnlyList<DroneState> drones, IReadOnlyList<MissionState> missions, string? shownId)
    {
        var sent = missions.Where(m => m.Kind != MissionKind.Patrol).OrderByDescending(m => m.PlannedAt).Select(m => m.DroneId).ToList();
        return drones.Where(d => sent.Contains(d.Id)).OrderBy(d => sent.IndexOf(d.Id)).FirstOrDefault()
            ?? drones.FirstOrDefault(d => d.Id == shownId && d.Status != DroneStatus.Docked)
            ?? drones.FirstOrDefault(d => d.Status == DroneStatus.Airborne)
            ?? drones.FirstOrDefault(d => d.Id == shownId)
            ?? drones.FirstOrDefault();
    }

    private MissionState? MissionOf(DroneState drone) => Missions.FirstOrDefault(m => m.Id == drone.MissionId);
}
