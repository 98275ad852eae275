namespace CommandCenter.Components.Console;

/// <summary>What the console's keys do: queued behind an action in flight, then run against what it left.</summary>
public sealed partial class ConsolePage
{
    private Task OnShortcutAsync(Shortcut shortcut)
    {
        // While the new-case form is open its fields have the keyboard; Esc closes it.
        if (ShowNewCase)
        {
            ShowNewCase = shortcut.Command != ShortcutCommand.Dismiss;
            return Task.CompletedTask;
        }

        // The help changes nothing on a ticket: it need not wait for the action in flight.
        return shortcut.Command is ShortcutCommand.Help or ShortcutCommand.Dismiss
            ? RunShortcutAsync(shortcut)
            : _keys.PressAsync(shortcut, Busy, RunShortcutAsync, StateHasChanged);
    }

    private async Task RunShortcutAsync(Shortcut shortcut)
    {
        switch (shortcut.Command)
        {
            case ShortcutCommand.Help:
                ShowHelp = !ShowHelp;
                break;
            case ShortcutCommand.Dismiss:
                ShowHelp = false;
                break;
            case ShortcutCommand.Search when _queue is not null:
                await _queue.FocusSearchAsync();
                break;
            case ShortcutCommand.MostUrgent when Queue is [var top, ..]:
                await SelectAsync(top.Id);
                break;
            case ShortcutCommand.Next or ShortcutCommand.Previous:
                await MoveAsync(shortcut.Command == ShortcutCommand.Next ? 1 : -1);
                break;
            case ShortcutCommand.NewCase when MayAct:
                ShowHelp = false;
                ShowNewCase = true;
                break;
            case ShortcutCommand.AcknowledgeAlarm when _alarms is not null:
                await _alarms.StartMostUrgentAsync();
                break;
            case ShortcutCommand.Act or ShortcutCommand.EvaluateSatisfied when _view is not null:
                await _view.TryInvokeAsync(shortcut);
                break;
        }
    }

    private void ToggleHelp() => ShowHelp = !ShowHelp;

    /// <summary>The next or previous ticket of the filtered queue; the first one when none is open or the open one left the queue.</summary>
    private Task MoveAsync(int step)
    {
        var queue = Queue;
        if (queue.Count == 0)
        {
            return Task.CompletedTask;
        }

        var at = SelectedId is { } id ? queue.ToList().FindIndex(t => t.Id == id) : -1;
        var next = at < 0 ? 0 : Math.Clamp(at + step, 0, queue.Count - 1);
        return SelectAsync(queue[next].Id);
    }
}
