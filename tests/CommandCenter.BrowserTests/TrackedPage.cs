using Microsoft.Playwright;

namespace CommandCenter.BrowserTests;

/// <summary>
/// A Playwright page that records what went wrong in it: console errors (which include failed
/// resource loads) and uncaught script exceptions. Disposing closes its browser context.
/// </summary>
public sealed class TrackedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _consoleErrors = [];

    internal TrackedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Record($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"uncaught: {error}");
    }

    public IPage Page { get; }

    /// <summary>A snapshot of the errors so far; assert it is empty.</summary>
    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (_consoleErrors)
            {
                return [.. _consoleErrors];
            }
        }
    }

    public ValueTask DisposeAsync() => new(_context.CloseAsync());

    // Playwright raises events on its own connection thread.
    private void Record(string error)
    {
        lock (_consoleErrors)
        {
            _consoleErrors.Add(error);
        }
    }
}
