using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Wall.Presenter;

/// <summary>
/// The presenter's keys in the browser, through the console's listener (wwwroot-assets/js/consolekeys.js,
/// which leaves typing in fields alone): the arrows, PageUp/PageDown (what presentation clickers
/// send), Space, 0–5 and Escape, raised as <see cref="Pressed"/>.
/// </summary>
public sealed partial class PresenterKeys : IAsyncDisposable
{
    /// <summary>The keys the presenter view acts on.</summary>
    public static readonly string[] Keys = ["ArrowRight", "ArrowDown", "PageDown", " ", "ArrowLeft", "ArrowUp", "PageUp", "0", "1", "2", "3", "4", "5", "Escape"];

    private readonly string _id = Guid.NewGuid().ToString("N");
    private IJSObjectReference? _module;
    private DotNetObjectReference<PresenterKeys>? _self;
    private volatile bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter]
    public EventCallback<string> Pressed { get; set; }

    private bool Ready { get; set; }

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
                await module.DisposeAsync();
                return;
            }

            _module = module;
            await _module.InvokeVoidAsync("register", _id, Keys, _self);
            Ready = true;
            StateHasChanged();
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The circuit ended while the listener was being set up.
        }
    }

    [JSInvokable]
    public Task OnShortcut(string key) => Pressed.InvokeAsync(key);

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
    }
}
