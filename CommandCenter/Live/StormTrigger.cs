using Microsoft.Extensions.Options;
using Twin.Domain.Simulation;

namespace CommandCenter.Live;

/// <summary>
/// The admin's 启动台风情景 in Development: asks the running simulator to start the typhoon
/// scenario at its next step, as <c>--Twin:Simulator:Scenario=typhoon</c> does from the start.
/// </summary>
public sealed class StormTrigger(IOptions<SimulatorOptions> options)
{
    private int _requested;
    private int _running = options.Value.Scenario == StormScenario.Name ? 1 : 0;

    /// <summary>True once the storm runs (configured, or started here and taken by the simulator).</summary>
    public bool Running => Volatile.Read(ref _running) == 1;

    /// <summary>Whether there is a simulator to start it in.</summary>
    public bool SimulatorEnabled => options.Value.Enabled;

    /// <summary>Asks for the storm; false when it runs already, is asked already or no simulator runs.</summary>
    public bool Request() => SimulatorEnabled && !Running && Interlocked.CompareExchange(ref _requested, 1, 0) == 0;

    /// <summary>
    /// The simulator's side: whether a request waits. It stays pending until the simulator has
    /// taken it with <see cref="Started"/>: one asked before the simulator's first step (which the
    /// simulator cannot start yet) would otherwise be lost, and no second request is accepted.
    /// </summary>
    internal bool Pending => Volatile.Read(ref _requested) == 1;

    internal void Started()
    {
        Volatile.Write(ref _running, 1);
        Volatile.Write(ref _requested, 0);
    }
}
