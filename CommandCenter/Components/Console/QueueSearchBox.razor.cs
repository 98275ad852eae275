using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console;

/// <summary>
/// The queue's search box. It owns its text: what the officer types stays in the box, and the queue
/// is told once typing pauses. The parent never writes a value back, so a live re-render of the queue
/// (a snapshot every second or so at 60×) cannot put a stale text over what was just typed, as
/// MudTextField's debounced, parent-controlled value did ("T-…" typed, the queue never filtered).
/// </summary>
public sealed partial class QueueSearchBox : IDisposable
{
    /// <summary>How long typing must pause before the queue filters: a person's pause, so wall-clock time, not the twin's.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(250);

    private const int MaxLength = 200;

    private ElementReference _input;
    private string _text = string.Empty;
    private CancellationTokenSource? _pending;

    /// <summary>The text the queue filters by, once typing pauses.</summary>
    [Parameter]
    public EventCallback<string> TextChanged { get; set; }

    /// <summary>Puts the cursor in the box (shortcut "/").</summary>
    public ValueTask FocusAsync() => _input.FocusAsync();

    public void Dispose()
    {
        _pending?.Cancel();
        _pending?.Dispose();
    }

    private async Task OnInput(ChangeEventArgs e)
    {
        _text = e.Value?.ToString() ?? string.Empty;
        _pending?.Cancel();
        _pending?.Dispose();
        _pending = new CancellationTokenSource();
        var token = _pending.Token;
        try
        {
            await Task.Delay(Pause, token);
        }
        catch (OperationCanceledException)
        {
            // More typing came: that keystroke's own wait tells the queue.
            return;
        }

        await TextChanged.InvokeAsync(_text);
    }
}
