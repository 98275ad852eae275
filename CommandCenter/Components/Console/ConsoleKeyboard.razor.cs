using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Console;

/// <summary>
/// Listens for the console's shortcuts in the browser (wwwroot-assets/js/consolekeys.js) and
/// raises <see cref="Pressed"/> with the shortcut; shows the help overlay when asked.
/// </summary>
public sealed partial class ConsoleKeyboard : IAsyncDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N");
    private IJSObjectReference? _module;
    private DotNetObjectReference<ConsoleKeyboard>? _self;
    private volatile bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

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

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        try
        {
            var module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/consolekeys.js");
            if (_disposed)
            {
                // The page left while the module loaded: registering now would leave a listener
                // calling a component that is gone.
                await module.DisposeAsync();
                return;
            }

            _module = module;
            await _module.InvokeVoidAsync("register", _id, ConsoleShortcuts.Keys, _self);
            await Registered.InvokeAsync();
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The circuit ended (the tab closed, the person signed out) while the listener was being set up.
        }
    }

    [JSInvokable]
    public Task OnShortcut(string key) =>
        ConsoleShortcuts.Find(key) is { } shortcut ? Pressed.InvokeAsync(shortcut) : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("unregister", _id);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's listener with it.
        }

        _self?.Dispose();
    }
}
