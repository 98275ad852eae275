using System.Globalization;
using System.Security.Claims;
using CommandCenter.Localization;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Domain.Sensors;

namespace CommandCenter.Components.Admin;

/// <summary>
/// Any sensor's warning and alarm levels and hysteresis, found by id, name or kind and changed one
/// sensor at a time through <see cref="SensorLevelAdministration"/> (checked, written with its audit
/// row, counting at once).
/// </summary>
public sealed partial class SensorLevelsPage
{
    private const int Limit = 100;

    private IReadOnlyList<SensorState> _sensors = [];
    private string? _search;
    private SensorKind? _kind;
    private string? _editing;
    private double? _warning;
    private double? _alarm;
    private double? _hysteresis;
    private string? _message;
    private bool _failed;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private SensorLevelAdministration Levels { get; set; } = default!;

    protected override Task OnInitializedAsync() => SearchAsync();

    private async Task<ClaimsPrincipal> UserAsync() => (await AuthenticationState).User;

    private async Task SearchAsync()
    {
        _sensors = await Levels.FindAsync(await UserAsync(), _search, _kind, Limit);
        _editing = null;
    }

    private void Edit(SensorState sensor)
    {
        var levels = sensor.Definition.Thresholds;
        (_editing, _warning, _alarm, _hysteresis) = (sensor.Definition.Id, levels.Warning, levels.Alarm, levels.Hysteresis);
        _message = null;
    }

    private void CancelEdit() => _editing = null;

    private async Task SaveAsync(SensorState sensor)
    {
        var id = sensor.Definition.Id;
        var result = await Levels.SetAsync(await UserAsync(), id, _warning ?? double.NaN, _alarm ?? double.NaN, _hysteresis ?? double.NaN);
        _failed = !result.Succeeded;
        _message = result.Succeeded ? AdminText.LevelsSaved(id)
            : AdminText.LevelsRefused(result.Problem is { } problem ? AdminText.LevelProblem(problem) : result.Reason ?? string.Empty);
        if (result is { Succeeded: true, Sensor: { } changed })
        {
            _sensors = _sensors.Select(s => s.Definition.Id == id ? changed : s).ToList();
            _editing = null;
        }
    }

    private static string KindName(SensorKind kind) => Language.Current.Pick(kind.NameZh(), kind.NameEn());

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Value(SensorState s) => s.LastValue is { } value ? $"{Number(value)} {s.Definition.Unit}" : "—";
}
