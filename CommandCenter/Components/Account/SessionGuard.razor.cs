using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Account;

/// <summary>
/// Keeps a person's session alive while they use the page, and only then: keyboard, pointer, wheel
/// and touch input (wwwroot-assets/js/useractivity.js, at most one report per
/// <see cref="ReportEvery"/>) and navigation count; server pushes, render acknowledgements and the
/// map's hub traffic do not, so an open console nobody touches idles out. A wall device has no idle
/// timeout and reports nothing.
/// </summary>
public sealed partial class SessionGuard : IAsyncDisposable
{
    /// <summary>How often input is reported at most; far inside the idle timeout, rare on the circuit.</summary>
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMinutes(1);

    private readonly string _id = Guid.NewGuid().ToString("N");
    private IJSObjectReference? _module;
    private DotNetObjectReference<SessionGuard>? _self;
    private volatile bool _disposed;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Sessions { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        if (user.Identity?.IsAuthenticated != true || user.HasClaim(c => c.Type == TwinClaims.Device))
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/useractivity.js");
            if (!_disposed)
            {
                await _module.InvokeVoidAsync("start", _id, _self, (int)ReportEvery.TotalMilliseconds);
            }
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The page left (signed out, navigated away) while the listener was being set up.
        }
    }

    /// <summary>The person pressed a key, moved or clicked the pointer, scrolled or touched the page.</summary>
    [JSInvokable]
    public Task OnUserInput() => Touch();

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = Touch();

    private Task Touch() => Sessions is SessionAuthenticationStateProvider sessions ? sessions.TouchAsync() : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        Navigation.LocationChanged -= OnLocationChanged;
        try
        {
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("stop", _id);
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page's listeners with it.
        }

        _self?.Dispose();
    }
}
