using System.Net;
using CommandCenter.Security;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Access;

/// <summary>Signing in lands on the person's own page unless they were sent away from another one.</summary>
public sealed class LandingTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(Roles.Officer, "/", "/console")]
    [InlineData(Roles.Supervisor, "", "/console")]
    [InlineData(Roles.Leader, "/", "/console")]
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
}
