using System.Diagnostics;
using System.Net;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Twin.Data.Store;

namespace CommandCenter.Tests.Access;

/// <summary>
/// What an attacker learns from the sign-in and password pages: nothing about which accounts exist
/// (answer and timing), a changed password ends every other session, common passwords are refused,
/// and the pages print no text a link brought with it.
/// </summary>
public sealed class CredentialTests : IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "cityops-credential-keys", Guid.NewGuid().ToString("N"));
    private readonly ClockedApp _app;

    public CredentialTests() => _app = new(b => b.UseSetting("Twin:Security:KeyDirectory", _keys));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Ingestion.IngestionApp.DeleteFolder(Path.GetDirectoryName(_keys)!);
    }

    [Fact]
    public async Task Unknown_names_wrong_passwords_and_locked_accounts_get_the_same_answer_in_the_same_time()
    {
        var user = (await TestAccounts.EnsureUserAsync(_app, "timing-officer", Roles.Officer)).UserName!;
        using var client = _app.CreateDefaultClient(new CookieContainerHandler());
        var token = await TestAccounts.AntiforgeryTokenAsync(client, AccountEndpoints.LoginPath);
        var unknown = new List<double>();
        var existing = new List<double>();
        var answers = new HashSet<string>(StringComparer.Ordinal);

        // Warm-up: the first hash and the first query of each path pay for JIT and caches.
        await PostAsync(client, token, "nobody-at-all", "wrong-passw0rd-0");
        for (var i = 0; i < 21; i++)
        {
            // The existing account locks after five tries: later rounds time the locked path too.
            var (existingTime, existingAnswer) = await TimedAsync(client, token, user, "wrong-passw0rd-" + i);
            var (unknownTime, unknownAnswer) = await TimedAsync(client, token, "nobody-" + i, "wrong-passw0rd-" + i);
            existing.Add(existingTime);
            unknown.Add(unknownTime);
            answers.Add(existingAnswer);
            answers.Add(unknownAnswer);
        }

        Assert.Equal("/account/login?error=invalid&returnUrl=%2F", Assert.Single(answers));
        var (a, b) = (Median(existing), Median(unknown));
        Assert.True(Math.Abs(a - b) <= 0.2 * Math.Max(a, b), $"median existing {a:F1} ms, unknown {b:F1} ms");
    }

    [Fact]
    public async Task Changing_the_password_signs_out_the_accounts_other_sessions()
    {
        using var sessionA = await _app.SignInAsync(Roles.Officer);
        using var sessionB = await _app.SignInAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.OK, (await sessionB.Client.GetAsync("/console")).StatusCode);

        var token = await TestAccounts.AntiforgeryTokenAsync(sessionA.Client, AccountEndpoints.PasswordPath);
        var changed = await sessionA.Client.PostAsync(AccountEndpoints.PasswordPath, PasswordForm(token, TestAccounts.Password, "another-officer-passw0rd"));

        Assert.Equal("/console", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await sessionA.Client.GetAsync("/console")).StatusCode);
        var b = await sessionB.Client.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, b.StatusCode);
        Assert.StartsWith(AccountEndpoints.LoginPath, b.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("qwerty123456")]
    [InlineData("iloveyou2024!")]
    [InlineData("1qaz2wsx3edc")]
    public async Task A_common_password_is_refused_with_a_fixed_message(string common)
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        var token = await TestAccounts.AntiforgeryTokenAsync(officer.Client, AccountEndpoints.PasswordPath);

        var refused = await officer.Client.PostAsync(AccountEndpoints.PasswordPath, PasswordForm(token, TestAccounts.Password, common));

        Assert.Contains("error=" + CommonPasswords.ErrorCode, refused.Headers.Location!.OriginalString);
        var page = await officer.Client.GetStringAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("密码过于常见", page);
    }

    [Fact]
    public async Task The_password_page_prints_only_its_own_messages_whatever_the_link_says()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);

        var page = await officer.Client.GetStringAsync("/account/password?error=" + Uri.EscapeDataString("您的账号已被冻结，请拨打 021-12345678"));

        Assert.DoesNotContain("冻结", page);
        Assert.Contains("密码未能修改", page);
    }

    [Fact]
    public async Task Logout_from_another_site_is_refused_and_from_this_one_accepted()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);

        var bare = await officer.Client.PostAsync(AccountEndpoints.LogoutPath, new FormUrlEncodedContent([]));
        var foreign = await PostWithOriginAsync(officer.Client, "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync("/console")).StatusCode);

        var own = await PostWithOriginAsync(officer.Client, "http://localhost");
        Assert.Equal("/account/login?error=loggedout", own.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Client.GetAsync("/console")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_database_the_audit_key_the_anchors_and_the_key_folder_are_the_apps_alone()
    {
        using var admin = await _app.SignInAsync(Roles.Admin);
        await _app.Services.GetRequiredService<AuditTrail>().AnchorAsync();
        var database = _app.Services.GetRequiredService<IOptions<Twin.Data.Store.TwinStoreOptions>>().Value.DatabasePath;
        var folder = Path.GetDirectoryName(database)!;

        foreach (var file in new[] { database, Path.Combine(folder, AuditSecrets.KeyFileName), Path.Combine(folder, AuditSecrets.AnchorFileName) })
        {
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(file));
        }

        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(folder));
        Assert.Equal(PrivateFiles.DirectoryMode, File.GetUnixFileMode(_keys));
    }

    [Fact]
    public void The_server_does_not_name_itself() =>
        Assert.False(_app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    private static async Task<HttpResponseMessage> PostWithOriginAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AccountEndpoints.LogoutPath) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request);
    }

    private static async Task<(double Milliseconds, string Answer)> TimedAsync(HttpClient client, string token, string user, string password)
    {
        var watch = Stopwatch.StartNew();
        var response = await PostAsync(client, token, user, password);
        return (watch.Elapsed.TotalMilliseconds, response.Headers.Location!.OriginalString);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string user, string password) =>
        client.PostAsync(AccountEndpoints.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = user,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static FormUrlEncodedContent PasswordForm(string token, string current, string next) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["current"] = current,
        ["next"] = next,
        ["confirm"] = next,
        ["returnUrl"] = "/console",
    });
}
