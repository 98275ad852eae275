using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Alarms;

namespace CommandCenter.Components.Console;

/// <summary>
/// The active alarms, unacknowledged and most severe first, each acknowledged with a note the
/// officer must write (what was done, who was told). The page submits it to the engine.
/// </summary>
public sealed partial class AlarmDesk
{
    private string? _acknowledging;
    private string? _note;

    /// <summary>The sensor alarm whose readings are shown under it (one at a time: each chart reads the store).</summary>
    private string? _chartOf;

    /// <summary>For a role that may see alarms but not acknowledge them (a leader): no acknowledge buttons.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Whether the desk is ready (its circuit interactive): until then a click would be lost, so the buttons stay disabled.</summary>
    [Parameter]
    public bool Ready { get; set; } = true;

    [Parameter, EditorRequired]
    public IReadOnlyList<AlarmState> Alarms { get; set; } = [];

    /// <summary>Twin time, for the alarms' age.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    private static Lang Lang => Language.Current;

    /// <summary>Acknowledges (alarm id, note); answers the engine's refusal, or null when accepted.</summary>
    [Parameter, EditorRequired]
    public Func<string, string, Task<string?>> Acknowledge { get; set; } = (_, _) => Task.FromResult<string?>(null);

    /// <summary>The officer opened the alarm to acknowledge it: the page takes it over from simulated staff.</summary>
    [Parameter]
    public EventCallback<string> Open { get; set; }

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    private IReadOnlyList<AlarmState> Ordered =>
        Alarms.OrderBy(a => a.IsAcknowledged).ThenByDescending(a => a.Severity).ThenBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

    private void ToggleChart(string alarmId) => _chartOf = _chartOf == alarmId ? null : alarmId;

    private async Task Start(string alarmId)
    {
        _acknowledging = alarmId;
        _note = null;
        Refusal = null;
        await Open.InvokeAsync(alarmId);
    }

    /// <summary>
    /// The shortcut's acknowledge: does what the 确认 button of the most severe unacknowledged alarm
    /// does (opens its note form, the cursor in the note), or says why it cannot.
    /// </summary>
    public async Task StartMostUrgentAsync()
    {
        if (ReadOnly)
        {
            Refusal = ConsoleText.MayNotAcknowledge;
        }
        else if (Ordered.FirstOrDefault(a => !a.IsAcknowledged) is { } alarm)
        {
            await Start(alarm.Id);
        }
        else
        {
            Refusal = ConsoleText.NoAlarmToAcknowledge;
        }

        StateHasChanged();
    }

    private void Cancel()
    {
        _acknowledging = null;
        _note = null;
    }

    private async Task ConfirmAsync(string alarmId)
    {
        if (string.IsNullOrWhiteSpace(_note))
        {
            return;
        }

        Busy = true;
        try
        {
            Refusal = await Acknowledge(alarmId, _note.Trim());
            if (Refusal is null)
            {
                Cancel();
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
