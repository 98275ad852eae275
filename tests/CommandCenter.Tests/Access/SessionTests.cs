using System.Net;
using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>Lockout, idle and absolute timeouts on a fake clock; ending a session ends a live page's sign-in at once.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly ClockedApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_the_lockout_passes_and_only_the_audit_says_so()
    {
        using var setup = await _app.SignInAsync(Roles.Officer);
        using var client = _app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        var user = TestAccounts.UserNameFor(Roles.Officer);

        for (var i = 1; i <= 4; i++)
        {
            Assert.Contains("error=invalid", (await TestAccounts.PostLoginAsync(client, user, "wrong-passw0rd-" + i)).Headers.Location!.OriginalString);
        }

        Assert.Contains("error=invalid", (await TestAccounts.PostLoginAsync(client, user, "wrong-passw0rd-5")).Headers.Location!.OriginalString);
        Assert.Contains("error=invalid", (await TestAccounts.PostLoginAsync(client, user, TestAccounts.Password)).Headers.Location!.OriginalString);

        _app.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Contains("error=invalid", (await TestAccounts.PostLoginAsync(client, user, TestAccounts.Password)).Headers.Location!.OriginalString);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("/console", (await TestAccounts.PostLoginAsync(client, user, TestAccounts.Password)).Headers.Location!.OriginalString);

        var audit = await AuditAsync(AuditActions.LoginLockedOut);
        Assert.Contains(audit, r => r.Entry.Target == user && r.Entry.Outcome == AuditOutcome.Failure);
        Assert.Contains(audit, r => r.Entry.Target == user && r.Entry.Outcome == AuditOutcome.Denied);
    }

    [Fact]
    public async Task A_person_is_signed_out_after_thirty_idle_minutes_but_not_while_active()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);

        _app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/console")).StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/console")).StatusCode);
        _app.Clock.Advance(TimeSpan.FromMinutes(31));

        var expired = await officer.Client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith(AccountEndpoints.LoginPath, expired.Headers.Location!.AbsolutePath);
        Assert.Contains("error=idle", expired.Headers.Location!.Query);
        var page = await _app.CreateDefaultClient().GetStringAsync(expired.Headers.Location!.PathAndQuery);
        Assert.Contains("30 分钟无操作，已自动退出", page);
        Assert.Contains(await AuditAsync(AuditActions.SessionEnded), r => r.Entry.Detail == nameof(SessionEnd.Idle));
    }

    [Fact]
    public async Task A_person_is_signed_out_twelve_hours_after_signing_in_however_active()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        for (var minutes = 20; minutes < 12 * 60; minutes += 20)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True((await officer.Client.GetAsync("/console")).StatusCode == HttpStatusCode.OK, $"still signed in after {minutes} min");
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task The_wall_has_no_idle_or_absolute_timeout()
    {
        using var wall = await _app.SignInAsync(Roles.Wall);

        _app.Clock.Advance(TimeSpan.FromDays(3));

        Assert.Equal(HttpStatusCode.OK, (await wall.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session_everywhere_and_a_live_page_turns_anonymous_at_once()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        var sessions = _app.Services.GetRequiredService<SessionStore>();
        var circuit = LivePage(officer);
        var changed = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async state => changed.TrySetResult((await state).User);

        var stolenCookie = officer.CookieHeader;
        using var post = new HttpRequestMessage(HttpMethod.Post, AccountEndpoints.LogoutPath) { Content = new FormUrlEncodedContent([]) };
        post.Headers.Add("Origin", "http://localhost");
        var logout = await officer.Client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(after.Identity?.IsAuthenticated);

        // A copy of the cookie taken before logout is worthless: the session is over on the server.
        using var replay = _app.CreateDefaultClient();
        replay.DefaultRequestHeaders.Add("Cookie", stolenCookie);
        var replayed = await replay.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains(await AuditAsync(AuditActions.Logout), r => r.Entry.Actor == TestAccounts.UserNameFor(Roles.Officer));
        circuit.Dispose();
        _ = sessions;
    }

    [Fact]
    public async Task A_live_page_left_idle_signs_itself_out_when_the_clock_passes_thirty_minutes()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        var circuit = LivePage(officer);
        var changed = new TaskCompletionSource<ClaimsPrincipal>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.AuthenticationStateChanged += async state => changed.TrySetResult((await state).User);

        var start = _app.Clock.GetUtcNow();
        await Eventually.Advancing(_app.Clock, TimeSpan.FromSeconds(30), () => changed.Task.IsCompleted, "the idle page's sign-in state changes");

        Assert.InRange(_app.Clock.GetUtcNow() - start, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(35));
        var after = await changed.Task;
        Assert.False(after.Identity?.IsAuthenticated);
        circuit.Dispose();
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        using var admin = await _app.SignInAsync(Roles.Admin);
        var user = await TestAccounts.EnsureUserAsync(_app, TestAccounts.UserNameFor(Roles.Officer), Roles.Officer);
        await using var scope = _app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AccountAdministration>();

        var result = await administration.SetDisabledAsync(AdminPrincipal(), AuditOrigin.None, user.Id, disabled: true);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/console")).StatusCode);
        Assert.Contains("error=invalid", (await TestAccounts.PostLoginAsync(_app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler()),
            user.UserName!, TestAccounts.Password)).Headers.Location!.OriginalString);
        Assert.Contains(await AuditAsync(AuditActions.AccountDisabled), r => r.Entry.Target == user.UserName);
    }

    [Fact]
    public async Task An_account_created_by_an_admin_must_replace_its_one_time_password_before_anything_else()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        using var admin = await _app.SignInAsync(Roles.Admin);
        var created = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
            .CreateAsync(AdminPrincipal(), AuditOrigin.None, "new-officer", "新值班员", Roles.Officer);
        Assert.True(created.Succeeded, created.Error);
        using var client = _app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());

        var login = await TestAccounts.PostLoginAsync(client, "new-officer", created.OneTimeSecret!, "/console");
        Assert.StartsWith(AccountEndpoints.PasswordPath, login.Headers.Location!.OriginalString);
        var console = await client.GetAsync("/console");
        Assert.StartsWith(AccountEndpoints.PasswordPath, console.Headers.Location!.OriginalString);

        var token = await TestAccounts.AntiforgeryTokenAsync(client, AccountEndpoints.PasswordPath);
        var weak = await client.PostAsync(AccountEndpoints.PasswordPath, Form(token, created.OneTimeSecret!, "short1", "short1"));
        Assert.Contains("error=", weak.Headers.Location!.OriginalString);
        var changed = await client.PostAsync(AccountEndpoints.PasswordPath, Form(token, created.OneTimeSecret!, "a-much-longer-passw0rd", "a-much-longer-passw0rd"));
        Assert.Equal("/console", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string token, string current, string next, string confirm) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["current"] = current,
        ["next"] = next,
        ["confirm"] = confirm,
        ["returnUrl"] = "/console",
    });

    private static ClaimsPrincipal AdminPrincipal() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.NameIdentifier, "admin-id"), new Claim(ClaimTypes.Role, Roles.Admin)], "test", ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>What a circuit holds: the provider, given the signed-in principal as Blazor gives it at circuit start.</summary>
    private SessionAuthenticationStateProvider LivePage(SignedIn who)
    {
        var scope = _app.Services.CreateScope();
        var provider = (SessionAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var sid = SessionIdOf(who);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, TestAccounts.UserNameFor(who.Role)), new Claim(TwinClaims.SessionId, sid)], "Cookies"));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return provider;
    }

    /// <summary>The newest live session of the role's account, read from the store.</summary>
    private string SessionIdOf(SignedIn who)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath()};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT s.id FROM auth_sessions s JOIN AspNetUsers u ON u.Id = s.user_id WHERE u.UserName = $name AND s.ended_at IS NULL ORDER BY s.created_at DESC LIMIT 1";
        command.Parameters.AddWithValue("$name", TestAccounts.UserNameFor(who.Role));
        return (string)command.ExecuteScalar()!;
    }

    private string DatabasePath() => _app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Twin.Data.Store.TwinStoreOptions>>().Value.DatabasePath;

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(string action)
    {
        var audit = _app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        return await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: action, Limit: 1000));
    }
}
