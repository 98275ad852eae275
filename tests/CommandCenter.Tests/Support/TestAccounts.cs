using System.Net;
using System.Text.RegularExpressions;
using CommandCenter.Configuration;
using CommandCenter.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.EntityFrameworkCore;
using Twin.Data.Accounts;
using Twin.Data.Store;

namespace CommandCenter.Tests.Support;

/// <summary>
/// The one way tests act as a role. The app is configured like a deployment (a bootstrap admin
/// password and a wall device token in settings); people of other roles are created through
/// Identity, then every role signs in through the real login form or pairing link, so a test's
/// cookie is a real session. Nothing turns authorization off.
/// </summary>
public static partial class TestAccounts
{
    public const string AdminPassword = "admin-test-passw0rd";
    public const string WallToken = "test-wall-device-token-0123456789abcdef";
    public const string Password = "role-test-passw0rd";

    /// <summary>The settings every test app starts with.</summary>
    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Twin:Security:BootstrapAdmin:Password", AdminPassword);
        // A configured wall token stops the start outside Development and Testing; there a wall pairs
        // through an issued link, and a test of that environment that needs one issues it.
        builder.ConfigureAppConfiguration((context, configuration) =>
        {
            if (SecurityOptions.WallTokenEnvironments.Any(context.HostingEnvironment.IsEnvironment))
            {
                configuration.AddInMemoryCollection([new(SecurityOptions.WallTokenKey, WallToken)]);
            }
        });
        // Many sign-ins from one loopback address in a test run are not an attack.
        builder.UseSetting("Twin:Security:LoginAttemptsPerMinute", "100000");
    }

    public static string UserNameFor(string role) => role == Roles.Admin ? "admin" : "test-" + role;

    /// <summary>The role's test user as the app's services see them: name and role, as their cookie carries.</summary>
    public static System.Security.Claims.ClaimsPrincipal Principal(string role) => new(new System.Security.Claims.ClaimsIdentity(
        [new(System.Security.Claims.ClaimTypes.Name, UserNameFor(role)), new(System.Security.Claims.ClaimTypes.Role, role)],
        "Cookies", System.Security.Claims.ClaimTypes.Name, System.Security.Claims.ClaimTypes.Role));

    /// <summary>A client signed in as <paramref name="role"/> (not following redirects, so refusals stay visible).</summary>
    public static async Task<SignedIn> SignInAsync(this WebApplicationFactory<Program> app, string role)
    {
        var cookies = new CookieContainer();
        var client = app.CreateDefaultClient(new CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.UserAgent.ParseAdd("CityOpsTests/1.0");
        await app.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        if (role == Roles.Wall)
        {
            var paired = await client.GetAsync($"{AccountEndpoints.PairPath}?token={WallToken}");
            Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        }
        else
        {
            var userName = UserNameFor(role);
            if (role != Roles.Admin)
            {
                await EnsureUserAsync(app, userName, role);
            }

            var login = await PostLoginAsync(client, userName, role == Roles.Admin ? AdminPassword : Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            Assert.Equal(AccountEndpoints.HomeOf(Principal(role)), login.Headers.Location?.OriginalString);
        }

        return new SignedIn(app, client, cookies, role);
    }

    /// <summary>Posts the login form as a browser would: fetch the form for its antiforgery token, then post.</summary>
    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync(client, AccountEndpoints.LoginPath);
        return await client.PostAsync(AccountEndpoints.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["userName"] = userName,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }));
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        return AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {page}.");
    }

    public static async Task<TwinUser> EnsureUserAsync(WebApplicationFactory<Program> app, string userName, string role, string password = Password)
    {
        // The roles and the organisations an account may belong to are stored by the bootstrap.
        await app.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<TwinUserManager>();
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            return existing;
        }

        var user = new TwinUser { UserName = userName, DisplayName = userName, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>Moves the test's paired wall to <paramref name="organisationId"/> as the admin does on /admin/users, on this node.</summary>
    public static async Task MoveWallAsync(this WebApplicationFactory<Program> app, string organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<TwinDbContext>>().CreateDbContextAsync();
        var hash = AccountService.HashToken(WallToken);
        var device = await db.WallDevices.AsNoTracking().SingleAsync(d => d.TokenHash == hash);
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var moved = await admin.SetDeviceOrganisationAsync(Principal(Roles.Admin), CommandCenter.Audit.AuditOrigin.None, device.Id, organisationId);
        Assert.True(moved.Succeeded, moved.Error);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

/// <summary>A signed-in role: its HTTP client and cookie, and hub connections made with that cookie.</summary>
public sealed class SignedIn(WebApplicationFactory<Program> app, HttpClient client, CookieContainer cookies, string role) : IDisposable
{
    public HttpClient Client { get; } = client;

    public string Role { get; } = role;

    public string CookieHeader => cookies.GetCookieHeader(app.Server.BaseAddress);

    /// <summary>A hub connection with this cookie; with <paramref name="apiKey"/>, also presenting an ingestion key as a machine would.</summary>
    public HubConnection CreateHubConnection(string path = "hubs/twin", string? apiKey = null) => TestHubs.Create(app, path, () => Task.FromResult(CookieHeader), apiKey);

    public void Dispose() => Client.Dispose();
}

public static class TestHubs
{
    /// <summary>A hub connection over the test server's WebSocket, sending <paramref name="cookie"/> when it connects.</summary>
    public static HubConnection Create(WebApplicationFactory<Program> app, string path, Func<Task<string>> cookie, string? apiKey = null) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.Server.BaseAddress, path), options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.WebSocketFactory = async (context, cancellationToken) =>
            {
                var header = await cookie();
                var client = app.Server.CreateWebSocketClient();
                client.ConfigureRequest = request =>
                {
                    request.Headers.Cookie = header;
                    if (apiKey is not null)
                    {
                        request.Headers["X-Api-Key"] = apiKey;
                    }
                };
                return await client.ConnectAsync(context.Uri, cancellationToken);
            };
        })
        .Build();

    /// <summary>A connection as the wall (what the existing hub tests were written for); it pairs on first connect.</summary>
    public static HubConnection AsWall(WebApplicationFactory<Program> app)
    {
        SignedIn? wall = null;
        return Create(app, "hubs/twin", async () => (wall ??= await app.SignInAsync(Roles.Wall)).CookieHeader);
    }
}
