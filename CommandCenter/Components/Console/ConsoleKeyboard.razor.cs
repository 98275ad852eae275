using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console;

/// <summary>
/// Listens for the console's shortcuts and raises <see cref="Pressed"/> with the shortcut; shows
/// the help overlay when asked.
/// </summary>
public sealed partial class ConsoleKeyboard
{
    [Parameter]
    public bool ShowHelp { get; set; }

    private static Lang Lang => Language.Current;

    [Parameter]
    public EventCallback<Shortcut> Pressed { get; set; }

    /// <summary>The shortcut listener is registered: from now on no key is lost.</summary>
    [Parameter]
    public EventCallback Registered { get; set; }

    /// <summary>The help's backdrop was clicked.</summary>
    [Parameter]
    public EventCallback Dismiss { get; set; }

    protected override IReadOnlyList<string> Keys => ConsoleShortcuts.Keys;

    protected override Task OnRegisteredAsync() => Registered.InvokeAsync();

    protected override Task OnKeyAsync(string key) =>
        ConsoleShortcuts.Find(key) is { } shortcut ? Pressed.InvokeAsync(shortcut) : Task.CompletedTask;
}
