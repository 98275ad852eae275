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
                var quick = args.Contains("--quick");
                await HubLoadTest.RunAsync(new HubLoadOptions(
                    ListOption(args, "--subscribers", quick ? [10, 100] : [10, 100, 500]),
                    ListOption(args, "--rates", [200, 2000]),
                    TimeSpan.FromSeconds(Option(args, "--window", quick ? 5 : 10)),
                    Option(args, "--repeat", 3),
                    Option(args, "--processes", 1)));
                return 0;
            case SubscriberProcess.Mode:
                return await SubscriberProcess.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
            case "browser-latency":
                await BrowserLatencyBench.RunAsync(Option(args, "--rate", 1000), Option(args, "--repeat", 3), TextOption(args, "--baseline-js"));
                return 0;
            case "wall":
                await WallBench.RunAsync(Option(args, "--loads", 5), Option(args, "--walls", 50), TextOptions(args, "--baseline-js"));
                return 0;
            case "failover":
                await Nodes.FailoverBench.RunAsync(Option(args, "--kills", 5), TextOption(args, "--postgres"), TextOption(args, "--redis"));
                return 0;
            case "fanout":
                await Nodes.FanOutBench.RunAsync(Option(args, "--clients", 20), Option(args, "--tickets", 30), Option(args, "--repeat", 3), TextOption(args, "--postgres"), TextOption(args, "--redis"));
                return 0;
            default:
                Console.Error.WriteLine("usage: Twin.LoadTest hub [--quick] [--repeat 3] [--subscribers 10,100,500] [--rates 200,2000] [--window 10] [--processes 1] | browser-latency [--rate 1000] [--repeat 3] [--baseline-js previous-twinmap.js] | wall [--loads 5] [--walls 50] [--baseline-js previous-twinmap.js]… | failover [--kills 5] | fanout [--clients 20] [--tickets 30] [--repeat 3] (both: [--postgres CONN] [--redis HOST:PORT])");
                return 2;
        }
    }

    private static string? TextOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int[] ListOption(string[] args, string name, int[] fallback) =>
        TextOption(args, name) is { } text
            ? text.Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : fallback;

    private static List<string> TextOptions(string[] args, string name) =>
        args.Zip(args.Skip(1)).Where(pair => pair.First == name).Select(pair => pair.Second).ToList();

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
