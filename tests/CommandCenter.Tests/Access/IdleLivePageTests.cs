using System.Security.Claims;
using Bunit;
using Bunit.Rendering;
using CommandCenter.Components.Account;
using CommandCenter.Components.Console;
using CommandCenter.Configuration;
using CommandCenter.Live;
using CommandCenter.Officers;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Access;

/// <summary>
/// The idle timeout on a live page, on the fake clock: the real console (bUnit) under the app's own
/// session provider, kept busy by the twin's pushes, idles out after 30 minutes without a person's
/// input and is sent to the sign-in page saying so; with input it stays signed in. Only input the
/// browser reports (useractivity.js, at most once a minute) counts, and the wall device reports none.
/// </summary>
public sealed class IdleLivePageTests : IAsyncLifetime
{
    private const string ActivityModule = "./assets/js/useractivity.js";
    private readonly ClockedApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_console_kept_busy_by_server_pushes_but_without_user_input_is_sent_to_sign_in_after_thirty_minutes()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        await using var ctx = LivePage(officer, out var navigation);
        var page = ctx.Render(ConsoleBehindItsPolicy);
        page.WaitForAssertion(() => page.Find("[data-console]"), TimeSpan.FromSeconds(10));

        var pushes = 0;
        for (var minute = 1; minute <= 29; minute++)
        {
            pushes += await PushAndAdvanceAsync(page);
        }

        Assert.True(pushes >= 25, $"only {pushes} of 29 pushes reached the console");
        Assert.Equal("http://localhost/console", navigation.Uri);

        for (var minute = 30; minute <= 32; minute++)
        {
            await PushAndAdvanceAsync(page);
        }

        page.WaitForAssertion(() => Assert.Equal("http://localhost/account/login?returnUrl=%2Fconsole&error=idle", navigation.Uri), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-console]"));
    }

    [Fact]
    public async Task A_console_with_user_input_stays_signed_in_past_the_idle_timeout()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        await using var ctx = LivePage(officer, out var navigation);
        var page = ctx.Render(ConsoleBehindItsPolicy);
        page.WaitForAssertion(() => page.Find("[data-console]"), TimeSpan.FromSeconds(10));
        var guard = page.FindComponent<SessionGuard>();

        for (var minute = 1; minute <= 75; minute++)
        {
            if (minute % 10 == 0)
            {
                // What useractivity.js calls after a key press or a click.
                await page.InvokeAsync(guard.Instance.OnUserInput);
            }

            await PushAndAdvanceAsync(page);
        }

        Assert.Equal("http://localhost/console", navigation.Uri);
        Assert.NotEmpty(page.FindAll("[data-console]"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await officer.Client.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_persons_page_listens_for_input_reported_at_most_once_a_minute_and_the_wall_device_listens_for_none()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        await using (var ctx = LivePage(officer, out _))
        {
            var module = ctx.JSInterop.SetupModule(ActivityModule);
            module.SetupVoid("start", _ => true).SetVoidResult();
            ctx.Render(GuardAlone);

            var start = module.VerifyInvoke("start");
            Assert.Equal(60_000, start.Arguments[2]);
        }

        using var wall = await _app.SignInAsync(Roles.Wall);
        await using (var ctx = LivePage(wall, out _))
        {
            ctx.Render(GuardAlone);

            Assert.DoesNotContain(ctx.JSInterop.Invocations, i => i.Identifier == "import" && Equals(i.Arguments[0], ActivityModule));
        }
    }

    [Fact]
    public async Task No_circuit_handler_of_the_app_counts_circuit_traffic_as_activity()
    {
        await using var scope = _app.Services.CreateAsyncScope();

        var handlers = scope.ServiceProvider.GetServices<CircuitHandler>().ToList();

        Assert.NotEmpty(handlers);
        Assert.All(handlers, h => Assert.Equal(typeof(CircuitHandler),
            h.GetType().GetMethod(nameof(CircuitHandler.CreateInboundActivityHandler))!.DeclaringType));
    }

    /// <summary>A new ticket, which the twin pushes to the console, and one minute of fake time; 1 when the push reached the page.</summary>
    private async Task<int> PushAndAdvanceAsync(IRenderedComponent<ContainerFragment> page)
    {
        var runtime = _app.Services.AppTwin();
        var before = page.FindAll("[data-console]").FirstOrDefault()?.GetAttribute("data-version");
        var place = runtime.District.SubDistricts[0].Boundary.InteriorPoint;
        var accepted = await runtime.Commands.SubmitAsync(new ReportTicketCommand(new TicketReport(
            "IDLE-" + Guid.NewGuid().ToString("N")[..8], TicketChannel.GridPatrol, "street-vending", "河岸占道经营", "测试推送",
            new Twin.Domain.Geography.GeoPoint(place.X, place.Y), "测试地址", null, new Reporter("测试", "13900000000"), runtime.Clock.GetUtcNow())));
        Assert.True(accepted.Accepted, accepted.Reason);
        for (var i = 0; i < 4; i++)
        {
            _app.Clock.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(15);
        }

        // Done when the push shows or once the page has left for the sign-in page: waiting out the 5 s
        // for each push after the idle-out doubled the idle-out test's time.
        page.WaitForAssertion(() =>
        {
            var console = page.FindAll("[data-console]");
            Assert.True(console.Count == 0 || console[0].GetAttribute("data-version") != before, $"the console is still at version {before}");
        }, TimeSpan.FromSeconds(5));
        return page.FindAll("[data-console]").Count == 0 ? 0 : 1;
    }

    private static void GuardAlone(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder b)
    {
        b.OpenComponent<CascadingAuthenticationState>(0);
        b.AddAttribute(1, "ChildContent", (RenderFragment)(c =>
        {
            c.OpenComponent<SessionGuard>(0);
            c.CloseComponent();
        }));
        b.CloseComponent();
    }

    /// <summary>What Routes.razor does for /console: the page behind its policy, RedirectToLogin when refused; the layout's SessionGuard beside it.</summary>
    private static void ConsoleBehindItsPolicy(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder b)
    {
        b.OpenComponent<CascadingAuthenticationState>(0);
        b.AddAttribute(1, "ChildContent", (RenderFragment)(c =>
        {
            c.OpenComponent<SessionGuard>(0);
            c.CloseComponent();
            c.OpenComponent<AuthorizeView>(1);
            c.AddAttribute(2, "Policy", Policies.UseConsole);
            c.AddAttribute(3, "Authorized", (RenderFragment<AuthenticationState>)(_ => d => { d.OpenComponent<ConsolePage>(0); d.CloseComponent(); }));
            c.AddAttribute(4, "NotAuthorized", (RenderFragment<AuthenticationState>)(_ => d => { d.OpenComponent<RedirectToLogin>(0); d.CloseComponent(); }));
            c.CloseComponent();
        }));
        b.CloseComponent();
    }

    /// <summary>A bUnit context wired as a circuit of the app is: the app's session store, clock and policies, and its session provider holding the signed-in principal.</summary>
    private BunitContext LivePage(SignedIn who, out NavigationManager navigation)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var app = _app.Services;
        ctx.Services.AddSingleton(app.GetRequiredService<WallFeed>());
        ctx.Services.AddAppTwin(app);
        ctx.Services.AddSingleton(app.GetRequiredService<CommandCenter.Drones.DroneDesk>());
        ctx.Services.AddSingleton(app.GetRequiredService<CommandCenter.Audit.AuditTrail>());
        ctx.Services.AddSingleton(app.GetRequiredService<SessionStore>());
        ctx.Services.AddSingleton<TimeProvider>(_app.Clock);
        ctx.Services.AddSingleton(app.GetRequiredService<IOptions<SecurityOptions>>());
        // bUnit stands in placeholders that refuse to authorize; a circuit of the app has the real service and policies.
        ctx.Services.RemoveAll<IAuthorizationService>();
        ctx.Services.RemoveAll<IAuthorizationPolicyProvider>();
        ctx.Services.AddAuthorizationCore(SecuritySetup.ConfigurePolicies);
        ctx.Services.AddCascadingAuthenticationState();
        ctx.Services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        ctx.Services.AddScoped<ContactRevealService>();
        ctx.Services.AddScoped<ClientOrigin>();
        ctx.Services.AddScoped<SignedInOfficer>();
        ctx.Services.AddScoped<IOfficerIdentity>(sp => sp.GetRequiredService<SignedInOfficer>());

        var provider = (SessionAuthenticationStateProvider)ctx.Services.GetRequiredService<AuthenticationStateProvider>();
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(PrincipalOf(who))));
        navigation = ctx.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/console");
        return ctx;
    }

    /// <summary>The principal Blazor hands a circuit: the claims of the signed-in cookie, read back from the session store.</summary>
    private ClaimsPrincipal PrincipalOf(SignedIn who)
    {
        var db = _app.Services.GetRequiredService<IOptions<Twin.Data.Store.TwinStoreOptions>>().Value.DatabasePath;
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = who.Role == Roles.Wall
            ? "SELECT id, device_id FROM auth_sessions WHERE device_id IS NOT NULL AND ended_at IS NULL ORDER BY created_at DESC LIMIT 1"
            : "SELECT s.id, NULL FROM auth_sessions s JOIN AspNetUsers u ON u.Id = s.user_id WHERE u.UserName = $name AND s.ended_at IS NULL ORDER BY s.created_at DESC LIMIT 1";
        command.Parameters.AddWithValue("$name", TestAccounts.UserNameFor(who.Role));
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, who.Role == Roles.Wall ? "wall:配置的大屏 configured wall" : TestAccounts.UserNameFor(who.Role)),
            new(ClaimTypes.Role, who.Role),
            new(TwinClaims.SessionId, reader.GetString(0)),
        };
        if (!reader.IsDBNull(1))
        {
            claims.Add(new Claim(TwinClaims.Device, reader.GetString(1)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Cookies", ClaimTypes.Name, ClaimTypes.Role));
    }
}
