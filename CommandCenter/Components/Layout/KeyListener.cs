using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Layout;

/// <summary>
/// A page's keyboard listener in the browser (wwwroot-assets/js/consolekeys.js, which leaves typing
/// in fields alone): registers <see cref="Keys"/> after the first render, hands each press to
/// <see cref="OnKeyAsync"/> and unregisters when the component goes. The console's shortcuts and
/// the presenter's clicker keys both listen through it.
/// </summary>
public abstract class KeyListener : ComponentBase, IAsyncDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N");
    private IJSObjectReference? _module;
    private DotNetObjectReference<KeyListener>? _self;
    private volatile bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The keys (as <c>KeyboardEvent.key</c>) this listener acts on.</summary>
    protected abstract IReadOnlyList<string> Keys { get; }

    /// <summary>One of <see cref="Keys"/> was pressed outside a field.</summary>
    protected abstract Task OnKeyAsync(string key);

    /// <summary>The listener is registered: from now on no key is lost.</summary>
    protected virtual Task OnRegisteredAsync() => Task.CompletedTask;

    [JSInvokable]
    public Task OnShortcut(string key) => OnKeyAsync(key);

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
            await _module.InvokeVoidAsync("register", _id, Keys, _self);
            await OnRegisteredAsync();
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The circuit ended (the tab closed, the person signed out) while the listener was being set up.
        }
    }

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
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The circuit is gone, and the page's listener with it.
        }

        _self?.Dispose();
        GC.SuppressFinalize(this);
    }
}
