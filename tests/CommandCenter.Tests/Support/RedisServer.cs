using System.Diagnostics;
using StackExchange.Redis;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The real Redis the two-node tests share as SignalR's backplane: the one named by
/// <c>TWIN_TEST_REDIS</c>, else the throw-away server of <c>scripts/start-redis.sh</c>, which is
/// started when nothing answers. Without one the tests fail and say so: CI must not pass without them.
/// </summary>
public static class RedisServer
{
    private static readonly string Configured = Environment.GetEnvironmentVariable("TWIN_TEST_REDIS") is { Length: > 0 } value
        ? value
        : "127.0.0.1:56379";

    private static readonly Lazy<Task<string>> Ready = new(PrepareAsync);

    /// <summary>The connection string of a Redis that answers.</summary>
    public static Task<string> ConnectionStringAsync() => Ready.Value;

    private static async Task<string> PrepareAsync()
    {
        if (!await AnswersAsync())
        {
            var script = Path.Combine(RepoPaths.Root(), "scripts", "start-redis.sh");
            using var start = Process.Start(new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            await start.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        if (!await AnswersAsync())
        {
            throw new InvalidOperationException(
                $"Redis is not reachable at '{Configured}', so the two-node hub tests cannot run. Start one with scripts/start-redis.sh "
                + "(needs the Debian package redis-server; .ci/run installs it), or point TWIN_TEST_REDIS at a server.");
        }

        return Configured;
    }

    private static async Task<bool> AnswersAsync()
    {
        try
        {
            var options = ConfigurationOptions.Parse(Configured);
            options.AbortOnConnectFail = true;
            options.ConnectTimeout = 3000;
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
            return true;
        }
        catch (RedisConnectionException)
        {
            return false;
        }
    }
}
