using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace CommandCenter.Components.Drones;

/// <summary>
/// Scrolls what an action just added into view within its pane (wwwroot-assets/js/reveal.js): an
/// evidence caption or a capture's answer at a pane's bottom edge is otherwise cut off unseen.
/// </summary>
public static class Reveal
{
    public const string Module = "./assets/js/reveal.js";

    /// <summary>Scrolls <paramref name="element"/> (or, with <paramref name="last"/>, its last child) into view.</summary>
    public static async Task IntoViewAsync(IJSRuntime js, ElementReference element, bool last = false)
    {
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", Module);
            await module.InvokeVoidAsync("reveal", element, last);
        }
        catch (Exception e) when (e is JSDisconnectedException or ObjectDisposedException or TaskCanceledException)
        {
            // The circuit ended (tab closed, signed out) before the item could be shown: nobody is left to see it.
        }
    }
}
