using System.Net;
using CommandCenter.Tests.Access;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.Operations;

/// <summary>What differs in Production: log lines a shipper can parse, and no API browser.</summary>
public sealed class ProductionShapeTests
{
    [Fact]
    public async Task Production_logs_json_lines_and_serves_no_api_browser()
    {
        await using var app = new ClockedApp(b => b.UseEnvironment("Production"));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task Development_logs_plain_text()
    {
        await using var app = new ClockedApp();

        Assert.Equal(ConsoleFormatterNames.Simple, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}
