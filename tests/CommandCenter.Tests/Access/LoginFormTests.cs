using System.Net;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>A sign-in posted with a missing or stale form token: the person gets the form back with a message, audited; nobody is signed in.</summary>
public sealed class LoginFormTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("CfDJ8-a-token-from-another-day")]
    public async Task A_login_without_a_valid_form_token_gets_the_form_back_saying_it_expired(string? token)
    {
        using var setup = await _app.SignInAsync(Roles.Officer);
        using var client = _app.CreateDefaultClient(new CookieContainerHandler());
        var fields = new Dictionary<string, string>
        {
            ["userName"] = TestAccounts.UserNameFor(Roles.Officer),
            ["password"] = TestAccounts.Password,
            ["returnUrl"] = "/console",
        };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        var response = await client.PostAsync(AccountEndpoints.LoginPath, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?error=form&returnUrl=%2Fconsole", response.Headers.Location?.OriginalString);
        var form = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("登录页面已过期，请重新输入用户名和密码。", form);
        Assert.Contains("name=\"__RequestVerificationToken\"", form);
        var english = await client.GetStringAsync(response.Headers.Location!.OriginalString + "&lang=en");
        Assert.Contains("The sign-in page had expired.", english);

        // Not signed in: the console still sends this client to the sign-in page.
        var console = await client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        Assert.Contains(await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.LoginFailed, Limit: 100)),
            r => r.Entry.Target == TestAccounts.UserNameFor(Roles.Officer) && r.Entry.Detail == "antiforgery token missing or invalid");
    }

    [Fact]
    public async Task A_login_with_the_forms_token_still_signs_in()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);

        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/console")).StatusCode);
    }
}
