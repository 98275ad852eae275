using System.Net;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// The ingestion test app (simulator off, known keys, six noise sensors) with the requests' peer
/// address under the test's control and settings of its own.
/// </summary>
public sealed class OperationsApp(Action<IWebHostBuilder>? configure = null) : IngestionApp
{
    /// <summary>Where requests appear to come from; loopback unless a test says otherwise.</summary>
    public IPAddress Peer { get; set; } = IPAddress.Loopback;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new PeerAddress(() => Peer)));
        configure?.Invoke(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteFolder(Directory);
    }

    /// <summary>A reading of noise sensor <paramref name="sensor"/> (1–6) over SensorThings.</summary>
    public async Task<HttpResponseMessage> PostReadingAsync(int sensor, DateTimeOffset at, double value)
    {
        using var client = KeyedClient();
        var result = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await client.PostAsync("/sta/v1.1/Observations", Json($$$"""
            {"phenomenonTime": "{{{Iso(at)}}}", "result": {{{result}}}, "Datastream": {"@iot.id": "{{{SensorIds[sensor - 1]}}}"}}
            """));
    }

    public async Task<string> ScrapeAsync(HttpStatusCode expected = HttpStatusCode.OK, string? token = null)
    {
        using var client = CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"/metrics answered {(int)response.StatusCode}: {body}");
        return body;
    }
}
