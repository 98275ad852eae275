using Twin.LoadTest.Browser;
using Twin.LoadTest.Hub;
using Twin.LoadTest.Wall;

namespace Twin.LoadTest;

/// <summary>
/// Bench tools, not tests: each mode starts the real app on 127.0.0.1, sends a bounded load and
/// stops. A named entry class because the app's own top-level <c>Program</c> is referenced here.
/// </summary>
internal static class LoadTestMain
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "hub":
                await HubLoadTest.RunAsync(args.Contains("--quick"), Option(args, "--repeat", 3));
                return 0;
            case "browser-latency":
                await BrowserLatencyBench.RunAsync(Option(args, "--rate", 1000), Option(args, "--repeat", 3), TextOption(args, "--baseline-js"));
                return 0;
            case "wall":
                await WallBench.RunAsync(Option(args, "--loads", 5), Option(args, "--walls", 50), TextOption(args, "--baseline-js"));
                return 0;
            default:
                Console.Error.WriteLine("usage: Twin.LoadTest hub [--quick] [--repeat 3] | browser-latency [--rate 1000] [--repeat 3] [--baseline-js previous-twinmap.js] | wall [--loads 5] [--walls 50] [--baseline-js previous-twinmap.js]");
                return 2;
        }
    }

    private static string? TextOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
