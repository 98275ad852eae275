using System.Net;
using CommandCenter.Security;
using CommandCenter.Tests.Support;

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
