using CommandCenter.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CommandCenter.Hub;

/// <summary>
/// Readiness of SignalR's Redis backplane (<c>Twin:Scale:Redis</c>): while Redis does not answer,
/// this node's screens miss what the other nodes send, and a load balancer should send them elsewhere.
/// Its own connection, made once and left to reconnect by itself, so that a Redis that comes back
/// makes the node ready again.
/// </summary>
public sealed class BackplaneHealthCheck(IOptions<ScaleOptions> options) : IHealthCheck, IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _redis = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(options.Value.Redis!);
        configuration.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(configuration);
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await _redis.Value.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F0} ms.");
        }
        catch (RedisException e)
        {
            return HealthCheckResult.Unhealthy("The backplane's Redis (Twin:Scale:Redis) does not answer: screens on this node miss what other nodes send.", e);
        }
    }

    public void Dispose()
    {
        if (_redis.IsValueCreated)
        {
            _redis.Value.Dispose();
        }
    }
}
