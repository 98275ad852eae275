using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Twin.LoadTest.Hosting;

/// <summary>
/// Counts the app's open Blazor circuits, so that a memory reading after pages have left is taken
/// once the server has really let their circuits go.
/// </summary>
public sealed class CircuitCounter : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }

    /// <summary>Waits until no circuit is open, or <paramref name="timeout"/> has passed; returns how many still are.</summary>
    public async Task<int> WaitForNoneAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Open > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
        }

        return Open;
    }
}
