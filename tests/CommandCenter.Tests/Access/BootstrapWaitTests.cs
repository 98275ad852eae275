using System.Net;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Sign-in and wall pairing while the accounts and wall devices from configuration are not yet
/// created: they wait (here <c>BootstrapWaitSeconds</c> = 5 on the fake clock), answer 503 when
/// the wait runs out, and succeed when the bootstrap finishes within it; /healthz says which.
/// The bootstrap is held back by leaving its hosted service out and started by the test.
/// </summary>
public sealed class BootstrapWaitTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new(builder =>
    {
        builder.UseSetting("Twin:Security:BootstrapWaitSeconds", "5");
        builder.ConfigureServices(services =>
        {
            var start = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SecurityBootstrapService));
            services.Remove(start);
        });
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Before_the_bootstrap_healthz_says_so_and_sign_in_and_pairing_answer_503_when_the_wait_runs_out()
    {
        using var client = _app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", Check(await health.Content.ReadAsStringAsync(), "security"));

        var login = TestAccounts.PostLoginAsync(client, "admin", TestAccounts.AdminPassword);
        var pairing = _app.CreateDefaultClient().GetAsync($"{AccountEndpoints.PairPath}?token={TestAccounts.WallToken}");
        await Task.Delay(300);
        Assert.False(login.IsCompleted, "sign-in did not wait for the bootstrap");
        Assert.False(pairing.IsCompleted, "pairing did not wait for the bootstrap");

        await Eventually.Advancing(_app.Clock, TimeSpan.FromSeconds(1), () => login.IsCompleted && pairing.IsCompleted, "sign-in and pairing stop waiting");

        foreach (var response in new[] { await login, await pairing })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("正在启动", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Sign_in_and_pairing_made_before_the_bootstrap_succeed_once_it_is_ready()
    {
        using var client = _app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        var login = TestAccounts.PostLoginAsync(client, "admin", TestAccounts.AdminPassword);
        var pairing = _app.CreateDefaultClient().GetAsync($"{AccountEndpoints.PairPath}?token={TestAccounts.WallToken}");
        await Task.Delay(300);
        Assert.False(login.IsCompleted || pairing.IsCompleted, "a request did not wait for the bootstrap");

        var bootstrap = _app.Services.GetRequiredService<SecurityBootstrap>();
        bootstrap.Begin();
        await bootstrap.Ready.WaitAsync(TimeSpan.FromSeconds(60));

        var signedIn = await login.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/admin/users", signedIn.Headers.Location?.OriginalString);
        var paired = await pairing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        Assert.Equal("/", paired.Headers.Location?.OriginalString);

        var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", Check(await health.Content.ReadAsStringAsync(), "security"));
    }

    private static string? Check(string json, string name) =>
        JsonDocument.Parse(json).RootElement.GetProperty("checks").GetProperty(name).GetProperty("status").GetString();
}
