using System.Security.Claims;
using CommandCenter.Audit;
using Microsoft.AspNetCore.Authorization;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Domain.Engine;
using Twin.Domain.Sensors;

namespace CommandCenter.Security;

/// <summary>
/// An admin's view and change of any sensor's warning and alarm levels and hysteresis, simulated or
/// onboarded. The change goes through the twin's writer like every other state change: the engine
/// judges the sensor's current value with the new levels at once, and the store writes the levels
/// on the sensor's row and the <c>sensor.thresholds</c> audit row in the batch's one transaction.
/// <c>Twin:Sensors:Thresholds</c> stays what a newly onboarded sensor starts with.
/// </summary>
public sealed class SensorLevelAdministration(ITwinCommands commands, ITwinQueries queries, IAuthorizationService authorization, AuditTrail audit)
{
    /// <summary>Sensors whose id or name holds <paramref name="search"/> (any, when empty) and of <paramref name="kind"/> (any, when null), by id.</summary>
    public async Task<IReadOnlyList<SensorState>> FindAsync(ClaimsPrincipal admin, string? search, SensorKind? kind, int limit)
    {
        await RequireAdminAsync(admin);
        var text = search?.Trim() ?? string.Empty;
        return queries.Current.Sensors
            .Where(s => kind is null || s.Definition.Kind == kind)
            .Where(s => text.Length == 0 || s.Definition.Id.Contains(text, StringComparison.OrdinalIgnoreCase) || s.Definition.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Definition.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>Checked here as the engine checks it (<see cref="Thresholds.Check"/>) so the page can say why in its language; the engine checks again.</summary>
    public async Task<SensorLevelResult> SetAsync(ClaimsPrincipal admin, string sensorId, double warning, double alarm, double hysteresis, CancellationToken ct = default)
    {
        await RequireAdminAsync(admin);
        if (queries.Current.Sensors.FirstOrDefault(s => s.Definition.Id == sensorId) is not { } sensor)
        {
            return new SensorLevelResult(false, null, $"Unknown sensor '{sensorId}'.", null);
        }

        if (Thresholds.Check(warning, alarm, hysteresis, sensor.Definition.Thresholds.HighIsBad) is { } problem)
        {
            return new SensorLevelResult(false, problem, Thresholds.Describe(problem, warning, alarm, hysteresis), null);
        }

        var outcome = await commands.SubmitAsync(new SetSensorThresholdsCommand(sensorId, warning, alarm, hysteresis, AuditTrail.ActorOf(admin)), ct);
        // The sensor as the change left it: the twin's published picture may follow a moment later.
        var changed = outcome.Changes.OfType<SensorThresholdsChanged>().LastOrDefault()?.Sensor;
        return new SensorLevelResult(outcome.Accepted, null, outcome.Reason, changed);
    }

    private async Task RequireAdminAsync(ClaimsPrincipal admin)
    {
        if (!(await authorization.AuthorizeAsync(admin, Policies.Administer)).Succeeded)
        {
            audit.Record(admin, AuditActions.Forbidden, "sensor levels", AuditOutcome.Denied, null, AuditOrigin.None);
            throw new UnauthorizedAccessException("Changing sensor levels needs the admin role.");
        }
    }
}

/// <summary>Whether the levels were taken (then the sensor with them); when not, the check that failed (null: the twin refused) and why, in English.</summary>
public sealed record SensorLevelResult(bool Succeeded, ThresholdProblem? Problem, string? Reason, SensorState? Sensor);
