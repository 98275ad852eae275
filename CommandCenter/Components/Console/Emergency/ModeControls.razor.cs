using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// The mode and, for a supervisor or a leader, its controls: start an emergency of a type at a
/// level, raise or lower it, stand it down — each with a reason the engine records and audits.
/// </summary>
public sealed partial class ModeControls
{
    private EmergencyType _type = EmergencyType.FloodTyphoon;
    private ResponseLevel _level = ResponseLevel.IV;
    private string? _reason;

    [Inject]
    private IEmergencyCommands Commands { get; set; } = default!;

    [Parameter, EditorRequired]
    public OperatingMode Mode { get; set; } = OperatingMode.Daily(DateTimeOffset.MinValue);

    /// <summary>Whether the signed-in person may change the mode (the commands check again).</summary>
    [Parameter]
    public bool MayChange { get; set; }

    private static IReadOnlyList<ResponseLevel> Levels { get; } = [ResponseLevel.IV, ResponseLevel.III, ResponseLevel.II, ResponseLevel.I];

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    private bool CanSubmit => !Busy && !string.IsNullOrWhiteSpace(_reason);

    private Task StartAsync()
    {
        StoodDown = null;
        return RunAsync(reason => Commands.StartAsync(_type, _level, reason));
    }

    private Task ChangeLevelAsync() => RunAsync(reason => Commands.ChangeLevelAsync(_level, reason));

    /// <summary>The incident this desk just stood down, whose 复盘 it offers.</summary>
    private string? StoodDown { get; set; }

    private async Task EndAsync()
    {
        var incident = Mode.IncidentId;
        await RunAsync(reason => Commands.EndAsync(reason));
        if (Refusal is null)
        {
            StoodDown = incident;
        }
    }

    private async Task RunAsync(Func<string, Task<CommandOutcome>> act)
    {
        Busy = true;
        Refusal = null;
        try
        {
            var outcome = await act(_reason!.Trim());
            if (outcome.Accepted)
            {
                _reason = null;
            }
            else
            {
                Refusal = RefusalText.Of(outcome, ConsoleText.ActionRefused);
            }
        }
        finally
        {
            Busy = false;
        }
    }

}
