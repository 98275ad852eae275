using System.Net;
using System.Security.Claims;
using Bunit;
using CommandCenter.Components.Account;
using CommandCenter.Security;
using CommandCenter.Tests.Support;

namespace CommandCenter.Tests.Access;

/// <summary>
/// The sign-out button: in the console's and the wall's headers for people, posting to the logout
/// that ends the session and its live pages (SessionTests); never on the wall device's screen, where
/// a visitor could unpair the wall.
/// </summary>
public sealed class SignOutTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_person_gets_a_sign_out_form_and_the_wall_device_none()
    {
        await using var ctx = new BunitContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("test-officer").SetRoles(Roles.Officer);

        var person = ctx.Render<AccountMenu>();

        var form = person.Find("form[data-logout-form]");
        Assert.Equal(AccountEndpoints.LogoutPath, form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Contains("退出", person.Find("button[data-logout]").TextContent);

        auth.SetAuthorized("wall:大屏").SetRoles(Roles.Wall).SetClaims(new Claim(TwinClaims.Device, "device-1"));
        var wall = ctx.Render<AccountMenu>();
        Assert.Empty(wall.FindAll("[data-logout]"));
    }

    [Fact]
    public async Task The_console_and_the_wall_offer_people_sign_out_and_signing_out_there_ends_the_session()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        using var wall = await _app.SignInAsync(Roles.Wall);

        Assert.Contains("data-logout", await officer.Client.GetStringAsync("/console"));
        Assert.Contains("data-logout", await officer.Client.GetStringAsync("/"));
        Assert.DoesNotContain("data-logout", await wall.Client.GetStringAsync("/"));

        // The button's form: a plain post with its antiforgery token, as the browser sends it.
        var token = await TestAccounts.AntiforgeryTokenAsync(officer.Client, "/console");
        var signedOut = await officer.Client.PostAsync(AccountEndpoints.LogoutPath, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal("/account/login?error=loggedout", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/console")).StatusCode);
    }
}
