using System.Net;
using System.Net.Http.Json;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Issue 14 row 6: a printed pairing link paired three browsers, each for 400 days. An issued link
/// now pairs one browser within <c>PairingLinkMinutes</c> (15) and is spent; the browser's cookie
/// is the device's credential, and giving the device a new link signs the old browser out.
/// </summary>
public sealed class PairingLinkTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_link_pairs_one_browser_and_is_refused_to_the_next()
    {
        var link = await IssueAsync("一号大屏");
        using var first = Browser();
        using var second = Browser();

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/")).StatusCode);

        var reuse = await second.GetAsync(link);
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal("application/problem+json", reuse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("already used", (await reuse.Content.ReadFromJsonAsync<ProblemBody>())!.Detail);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/")).StatusCode);
        Assert.Single(await AuditAsync(AuditActions.WallPaired));
        Assert.Contains(await AuditAsync(AuditActions.WallPairingFailed), r => r.Entry.Detail == "pairing link already used");
    }

    [Fact]
    public async Task A_link_older_than_fifteen_minutes_is_refused()
    {
        var link = await IssueAsync("二号大屏");
        _app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        using var browser = Browser();

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        Assert.Contains(await AuditAsync(AuditActions.WallPairingFailed), r => r.Entry.Detail == "pairing link expired");
    }

    [Fact]
    public async Task A_new_link_for_a_device_ends_the_paired_browser_and_pairs_the_next_one()
    {
        var link = await IssueAsync("三号大屏");
        using var old = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await old.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await old.GetAsync("/")).StatusCode);

        await using var scope = _app.Services.CreateAsyncScope();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var device = (await admin.ListDevicesAsync(TestAccounts.Principal(Roles.Admin))).Single(d => d.Name == "三号大屏");
        var rotated = await admin.RotateDeviceAsync(TestAccounts.Principal(Roles.Admin), AuditOrigin.None, device.Id);
        Assert.True(rotated.Succeeded, rotated.Error);

        Assert.Equal(HttpStatusCode.Redirect, (await old.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser().GetAsync(link)).StatusCode);
        using var replacement = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await replacement.GetAsync($"{AccountEndpoints.PairPath}?token={rotated.OneTimeSecret}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await replacement.GetAsync("/")).StatusCode);
        Assert.Single(await AuditAsync(AuditActions.WallTokenRotated));
    }

    private async Task<string> IssueAsync(string name)
    {
        await _app.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        await using var scope = _app.Services.CreateAsyncScope();
        var issued = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().IssueDeviceAsync(TestAccounts.Principal(Roles.Admin), AuditOrigin.None, name);
        Assert.True(issued.Succeeded, issued.Error);
        return $"{AccountEndpoints.PairPath}?token={issued.OneTimeSecret}";
    }

    private HttpClient Browser() => _app.CreateDefaultClient(new CookieContainerHandler());

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(string action)
    {
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        return await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: action));
    }

    private sealed record ProblemBody(string? Title, string? Detail);
}
