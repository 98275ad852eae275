using System.Runtime.CompilerServices;

namespace CommandCenter.Tests.Support;

/// <summary>
/// bUnit's synchronous WaitFor* calls block pool threads while several real apps run in the same
/// test process; on a 2-core machine the pool then grows too slowly for the renderers' dispatchers
/// to run at all, and tests time out without their condition ever being checked.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
    }
}
