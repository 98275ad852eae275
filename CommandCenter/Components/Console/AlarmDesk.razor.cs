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
    private string? _assigning;

    // Empty means the officer themself; null until a choice is made.
    private string? _assignee;

    /// <summary>The sensor alarm whose readings are shown under it (one at a time: each chart reads the store).</summary>
    private string? _chartOf;
    private string? _snapshotOf;

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

    /// <summary>Files the alarm as a case (alarm id); answers the engine's refusal, or null when accepted.</summary>
    [Parameter]
    public Func<string, Task<string?>> FileCase { get; set; } = _ => Task.FromResult<string?>(null);

    /// <summary>Assigns the alarm (alarm id, a department, or null for the officer themself); answers the refusal, or null.</summary>
    [Parameter]
    public Func<string, string?, Task<string?>> Assign { get; set; } = (_, _) => Task.FromResult<string?>(null);

    /// <summary>Whether the catalogue files alarms of this kind as cases (else no 立案 button).</summary>
    [Parameter]
    public Func<AlarmState, bool> CanFileCase { get; set; } = _ => false;

    /// <summary>Departments an alarm may be assigned to, labelled in the page's language.</summary>
    [Parameter]
    public IReadOnlyList<Choice> Departments { get; set; } = [];

    /// <summary>Opens the case an alarm was filed as.</summary>
    [Parameter]
    public EventCallback<string> OpenCase { get; set; }

    /// <summary>The officer opened the alarm to acknowledge it: the page takes it over from simulated staff.</summary>
    [Parameter]
    public EventCallback<string> Open { get; set; }

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    private IReadOnlyList<AlarmState> Ordered =>
        Alarms.OrderBy(a => a.IsAcknowledged).ThenByDescending(a => a.Severity).ThenBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

    private void ToggleChart(string alarmId) => _chartOf = _chartOf == alarmId ? null : alarmId;

    private void ToggleSnapshot(string alarmId) => _snapshotOf = _snapshotOf == alarmId ? null : alarmId;

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

    private string DisplayAssignee(AlarmState alarm) =>
        alarm.AssigneeKind == AlarmAssigneeKind.Department
            ? Departments.FirstOrDefault(d => d.Value == alarm.AssignedTo)?.Label ?? alarm.AssignedTo!
            : alarm.AssignedTo!;

    private async Task FileCaseAsync(string alarmId) => await RunAsync(() => FileCase(alarmId));

    private async Task StartAssign(string alarmId)
    {
        _assigning = alarmId;
        _assignee = null;
        Refusal = null;
        await Open.InvokeAsync(alarmId);
    }

    private void CancelAssign()
    {
        _assigning = null;
        _assignee = null;
    }

    private async Task AssignAsync(string alarmId)
    {
        if (_assignee is null)
        {
            return;
        }

        var department = _assignee.Length == 0 ? null : _assignee;
        await RunAsync(() => Assign(alarmId, department));
        if (Refusal is null)
        {
            CancelAssign();
        }
    }

    private async Task RunAsync(Func<Task<string?>> action)
    {
        Busy = true;
        Refusal = null;
        try
        {
            Refusal = await action();
        }
        finally
        {
            Busy = false;
        }
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
