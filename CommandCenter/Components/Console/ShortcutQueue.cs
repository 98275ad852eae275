namespace CommandCenter.Components.Console;

/// <summary>
/// The desk's keys in the order they were pressed. A key pressed while an action is being
/// committed waits here and runs once that action is done, against the ticket as the action left
/// it (so a second F finds the case already filed and says so instead of filing it twice). Past
/// <see cref="Capacity"/> waiting keys a key is refused, and the desk shows which: never dropped unseen.
/// </summary>
public sealed class ShortcutQueue
{
    /// <summary>More keys than this waiting means the officer is typing ahead blind; the next is refused.</summary>
    public const int Capacity = 4;

    private readonly Queue<Shortcut> _waiting = new();
    private bool _running;

    /// <summary>The keys waiting for the action in flight, oldest first.</summary>
    public IReadOnlyCollection<Shortcut> Waiting => _waiting;

    /// <summary>The last key refused because too many were waiting; cleared when a key is taken again.</summary>
    public Shortcut? Refused { get; private set; }

    /// <summary>
    /// Runs <paramref name="shortcut"/> now, or, while <paramref name="busy"/> or an earlier key is
    /// still running, queues it behind them. <paramref name="render"/> is called before each queued
    /// key runs, so the components it acts on hold what the previous one left.
    /// </summary>
    public Task PressAsync(Shortcut shortcut, bool busy, Func<Shortcut, Task> run, Action render)
    {
        if (_waiting.Count >= Capacity)
        {
            Refused = shortcut;
            return Task.CompletedTask;
        }

        Refused = null;
        _waiting.Enqueue(shortcut);
        return busy ? Task.CompletedTask : ResumeAsync(run, render);
    }

    /// <summary>Runs the waiting keys in order; called when the action in flight is done. Does nothing while keys already run.</summary>
    public async Task ResumeAsync(Func<Shortcut, Task> run, Action render)
    {
        if (_running)
        {
            return;
        }

        _running = true;
        try
        {
            while (_waiting.TryDequeue(out var next))
            {
                render();
                await run(next);
            }
        }
        finally
        {
            _running = false;
        }
    }
}
