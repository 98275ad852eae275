using System.Net;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Tests.Access;

/// <summary>Signing in lands on the person's own page unless they were sent away from another one; every page links to the others the role may open.</summary>
public sealed class LandingTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(Roles.Officer, "/", "/console")]
    [InlineData(Roles.Supervisor, "", "/console")]
    [InlineData(Roles.Leader, "/", "/briefing")]
    [InlineData(Roles.Admin, "/", "/admin/users")]
    [InlineData(Roles.Admin, "/admin/audit", "/admin/audit")]
    [InlineData(Roles.Officer, "/console?ticket=T-1", "/console?ticket=T-1")]
    public async Task Sign_in_lands_on_the_roles_home_or_the_page_asked_for(string role, string returnUrl, string expected)
    {
        using var signedIn = await _app.SignInAsync(role);
        using var client = _app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        var userName = TestAccounts.UserNameFor(role);

        var login = await TestAccounts.PostLoginAsync(client, userName, role == Roles.Admin ? TestAccounts.AdminPassword : TestAccounts.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(expected, login.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("sd-310107022000")]
    [InlineData("dept-district-water-authority")]
    public async Task A_leader_outside_the_centre_lands_on_its_console_and_is_offered_no_briefing(string organisation)
    {
        var userName = "test-leader-" + organisation;
        var user = await TestAccounts.EnsureUserAsync(_app, userName, Roles.Leader);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<TwinUserManager>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.OrganisationId = organisation;
            Assert.True((await users.UpdateAsync(stored)).Succeeded);
        }

        var cookies = new CookieContainer();
        using var client = _app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        var login = await TestAccounts.PostLoginAsync(client, userName, TestAccounts.Password);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/console", login.Headers.Location?.OriginalString);
        var html = await client.GetStringAsync("/console");
        var offered = System.Text.RegularExpressions.Regex.Matches(html, "data-page-link=\"([a-z]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal("wall console", string.Join(" ", offered));
    }

    [Theory]
    [InlineData(Roles.Officer, "/console", "wall console briefing field", "console")]
    [InlineData(Roles.Leader, "/briefing", "wall console briefing", "briefing")]
    [InlineData(Roles.Officer, "/", "wall console briefing field", "wall")]
    [InlineData(Roles.Leader, "/", "wall console briefing", "wall")]
    [InlineData(Roles.Admin, "/admin/users", "wall admin", "admin")]
    [InlineData(Roles.Admin, "/admin/audit", "wall admin", "admin")]
    [InlineData(Roles.Admin, "/admin/sensors", "wall admin", "admin")]
    [InlineData(Roles.Admin, "/admin/notifications", "wall admin", "admin")]
    [InlineData(Roles.Admin, "/", "wall admin", "wall")]
    public async Task Every_page_links_to_the_others_the_role_may_open_and_to_no_other(string role, string page, string links, string current)
    {
        using var signedIn = await _app.SignInAsync(role);

        var html = await signedIn.Client.GetStringAsync(page);

        var offered = System.Text.RegularExpressions.Regex.Matches(html, "data-page-link=\"([a-z]+)\"").Select(m => m.Groups[1].Value);
        Assert.Equal(links, string.Join(" ", offered));
        Assert.Matches($"data-page-link=\"{current}\" class=\"active\" aria-current=\"page\"", html);
        foreach (var href in System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"(/[^\"]*)\" data-page-link").Select(m => m.Groups[1].Value))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await signedIn.Client.GetAsync(href)).StatusCode);
        }
    }

    [Fact]
    public async Task The_wall_device_shows_no_links_to_other_pages()
    {
        using var wall = await _app.SignInAsync(Roles.Wall);

        var html = await wall.Client.GetStringAsync("/");

        Assert.Contains("wall-header", html);
        Assert.DoesNotContain("data-page-link", html);
    }
}
