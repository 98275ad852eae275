using CommandCenter.Configuration;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace CommandCenter.Tests.Operations;

/// <summary>
/// A deployment with a setting that cannot work does not start: the operator reads which key is
/// wrong and why at once, not after the first request that needs it fails.
/// </summary>
public sealed class StartupChecksTests
{
    [Fact]
    public void Production_refuses_to_start_without_a_persistent_key_folder()
    {
        var error = StartFails(b => b.UseEnvironment("Production"));

        Assert.IsType<InvalidOperationException>(error);
        Assert.Contains(SecuritySetup.KeyDirectoryKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("persistent folder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void A_configured_wall_token_stops_the_start_outside_development_and_testing(string environment)
    {
        var keys = Path.Combine(Path.GetTempPath(), "cityops-startup-tests", Guid.NewGuid().ToString("N"));
        Exception error;
        try
        {
            error = StartFails(b =>
            {
                b.UseEnvironment(environment);
                b.UseSetting(SecuritySetup.KeyDirectoryKey, keys);
                b.UseSetting(SecurityOptions.WallTokenKey, "a-wall-token-from-a-secret-store");
            });
        }
        finally
        {
            IngestionApp.DeleteFolder(keys);
        }

        var validation = Assert.IsType<OptionsValidationException>(error);
        var failure = Assert.Single(validation.Failures);
        Assert.Contains(SecurityOptions.WallTokenKey, failure, StringComparison.Ordinal);
        Assert.Contains($"(this is {environment})", failure, StringComparison.Ordinal);
        Assert.Contains("/admin/users", failure, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> WrongSettings => new()
    {
        { "Twin:Map:CoalesceMilliseconds", "0", "Twin:Map:CoalesceMilliseconds must lie in 1–10000." },
        { "Twin:Wall:MaxRendersPerSecond", "500", "Twin:Wall:MaxRendersPerSecond must lie in 1–60." },
        { "Twin:Wall:SceneRotation", "district,emergency", "Twin:Wall:SceneRotation must list daily scenes (district, corridor) separated by commas, not 'district,emergency'." },
        { "Twin:Wall:SceneSeconds", "5", "Twin:Wall:SceneSeconds must lie in 10–86400." },
        { "Twin:Simulator:SpeedFactor", "-2", "Twin:Simulator: SpeedFactor must be above 0." },
        { "Twin:Storage:RawObservationDays", "0", "Twin:Storage: RawObservationDays must be at least 1" },
        { "Twin:Drones:JpegQuality", "0", "Twin:Drones:JpegQuality must lie in 1–100." },
        { "Twin:Ingestion:Sources:0:ApiKey", "short", "Twin:Ingestion:Sources:0:ApiKey (gateway) must be at least 12 characters." },
        { "Twin:Metrics:AllowedAddresses:0", "not-an-address", "Twin:Metrics:AllowedAddresses: 'not-an-address' is neither an IP address nor a CIDR network" },
        { "Twin:Health:MinFreeDiskMegabytes", "-1", "Twin:Health:MinFreeDiskMegabytes must lie in 0–10,000,000" },
        { "Twin:Security:IdleTimeoutMinutes", "0", "Twin:Security timeouts, limits and intervals must be positive." },
        { "Twin:Alarms:Escalation:Critical:LeaderMinutes", "3", "Twin:Alarms:Escalation:Critical:LeaderMinutes (3) must come after SupervisorMinutes (5)." },
        { "Twin:Alarms:Escalation:Major:SupervisorMinutes", "-1", "Twin:Alarms:Escalation:Major: minutes cannot be negative (0 = never)." },
    };

    [Theory]
    [MemberData(nameof(WrongSettings))]
    public void A_setting_that_cannot_work_stops_the_start_with_its_key_and_reason(string key, string value, string message)
    {
        var error = StartFails(b =>
        {
            b.UseSetting("Twin:Ingestion:Sources:0:Name", "gateway");
            b.UseSetting(key, value);
        });

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(validation.Failures, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_known_proxy_that_is_no_address_stops_the_start()
    {
        var error = StartFails(b => b.UseSetting("Twin:Security:KnownProxies:0", "proxy.example"));

        Assert.Contains("Twin:Security:KnownProxies: 'proxy.example' is neither an IP address nor a CIDR network", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The exception that ended the start-up (unwrapped from the host's aggregate, if any).</summary>
    private static Exception StartFails(Action<IWebHostBuilder> configure)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cityops-startup-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseSetting("Twin:Storage:DatabasePath", Path.Combine(directory, "twin.db"));
                b.UseSetting("Twin:Simulator:Enabled", "false");
                configure(b);
            });
            var error = Record.Exception(() => app.Server);
            Assert.NotNull(error);
            return error is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : error;
        }
        finally
        {
            IngestionApp.DeleteFolder(directory);
        }
    }
}
