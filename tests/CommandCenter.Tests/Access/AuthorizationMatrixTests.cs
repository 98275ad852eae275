using System.Net;
using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Every role (and nobody) against every page, API, hub method and privileged operation: what a
/// role may use answers, what it may not is refused with the right status AND leaves an audit entry
/// naming who tried what.
/// </summary>
public sealed class AuthorizationMatrixTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Anonymous = "anonymous";

    /// <summary>Every page and API of the app, and the policy that guards it (null: any signed-in account).</summary>
    public static readonly (string Path, string? Policy, bool IsPage)[] Endpoints =
    [
        ("/", Policies.ViewWall, true),
        ("/?lang=en", Policies.ViewWall, true),
        ("/console", Policies.UseConsole, true),
        ("/console/tickets/T-NO-SUCH-TICKET", Policies.UseConsole, true),
        ("/console/present", Policies.UseConsole, true),
        ("/briefing", Policies.ReadBriefing, true),
        ("/api/briefing/export.pdf", Policies.ReadBriefing, false),
        ("/api/briefing/export.xlsx", Policies.ReadBriefing, false),
        ("/api/briefing/daily", Policies.ReadBriefing, false),
        ("/admin/users", Policies.Administer, true),
        ("/admin/audit", Policies.Administer, true),
        ("/admin/sensors", Policies.Administer, true),
        ("/admin/notifications", Policies.Administer, true),
        ("/admin/audit/export.csv", Policies.Administer, false),
        ("/api/map/corridor.geojson", Policies.ViewWall, false),
        ("/api/map/vocabulary.json", Policies.ViewWall, false),
        ("/api/map/cameras.geojson", Policies.ViewWall, false),
        ("/api/drones/", Policies.ViewWall, false),
        ("/api/drones/routes", Policies.ViewWall, false),
        ("/api/search?q=积水", Policies.UseConsole, false),
        ("/field", Policies.WorkInField, true),
        ("/field/tickets/T-NO-SUCH-TICKET", Policies.WorkInField, true),

        // /openapi/v1.json is public (it holds no secrets; Api/OpenApiTests reads it without an account).
    ];

    /// <summary>
    /// Every method of every hub of the app ("Hub.Method"), the policy it should need and arguments
    /// to call it with. A hub method missing here, or guarded by another policy, fails the test.
    /// </summary>
    public static readonly Dictionary<string, (string Policy, object?[] Args)> HubMethods = new()
    {
        ["TwinHub.RequestSnapshot"] = (Policies.ViewWall, []),
        ["TwinHub.GetCameras"] = (Policies.ViewWall, []),
        ["TwinHub.GetDrones"] = (Policies.ViewWall, []),
        // A report for a drone that does not exist: answered (refused by the engine) when allowed, never applied.
        ["TwinHub.SendDroneTelemetry"] = (Policies.ReportTelemetry,
            [new CommandCenter.Drones.DroneTelemetryMessage("NO-SUCH-DRONE", DateTimeOffset.UtcNow.ToString("O"), 121.40, 31.24, 50, 0, 0, 80, 90)]),
    };

    /// <summary>Which roles a policy admits; <see cref="Policies.ReportTelemetry"/> admits no role, only a connection with an ingestion key.</summary>
    private static bool Admits(string policy, string role, bool withKey) =>
        policy == Policies.ReportTelemetry ? withKey : Policies.RolesOf[policy].Contains(role);

    public static TheoryData<string> Everyone => [Anonymous, .. Roles.All];

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Each_page_and_api_answers_only_the_roles_its_policy_names_and_audits_every_refusal(string role)
    {
        using var who = role == Anonymous ? null : await app.SignInAsync(role);
        using var anonymous = app.CreateDefaultClient();
        var client = who?.Client ?? anonymous;
        var refused = new List<string>();
        foreach (var (path, policy, isPage) in Endpoints)
        {
            var allowed = role != Anonymous && (policy is null || Policies.RolesOf[policy].Contains(role));
            var response = await client.GetAsync(path);
            if (allowed)
            {
                // The camera layer answers with a redirect to its current versioned file.
                var answered = response.StatusCode == HttpStatusCode.OK
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.StartsWith("/api/", StringComparison.Ordinal) == true);
                Assert.True(answered, $"{role} should open {path}, got {(int)response.StatusCode} {response.Headers.Location}");
                continue;
            }

            refused.Add(path);
            if (isPage)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                var expected = role == Anonymous ? AccountEndpoints.LoginPath : AccountEndpoints.DeniedPath;
                Assert.True(response.Headers.Location?.AbsolutePath == expected || response.Headers.Location?.OriginalString.StartsWith(expected, StringComparison.Ordinal) == true,
                    $"{role} on {path} went to {response.Headers.Location}");
            }
            else
            {
                Assert.Equal(role == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
            }
        }

        var actor = role switch
        {
            Anonymous => "anonymous",
            Roles.Wall => "wall:配置的大屏 configured wall",
            _ => TestAccounts.UserNameFor(role),
        };
        var audit = await AuditOf(action: role == Anonymous ? AuditActions.Challenged : AuditActions.Forbidden, actor: actor);
        foreach (var path in refused)
        {
            Assert.Contains(audit, r => r.Entry.Target == path.Split('?')[0]);
        }
    }

    [Fact]
    public void The_matrix_lists_every_method_of_every_hub_with_the_policy_it_carries()
    {
        var hubs = typeof(CommandCenter.Hub.TwinHub).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Microsoft.AspNetCore.SignalR.Hub).IsAssignableFrom(t)).ToList();
        var methods = hubs.SelectMany(h => h.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name is not (nameof(Microsoft.AspNetCore.SignalR.Hub.OnConnectedAsync) or nameof(Microsoft.AspNetCore.SignalR.Hub.OnDisconnectedAsync)))
                .Select(m => (Name: $"{h.Name}.{m.Name}", Policy: System.Reflection.CustomAttributeExtensions.GetCustomAttribute<HubPolicyAttribute>(m)?.Policy)))
            .ToList();

        Assert.Equal(HubMethods.Keys.Order(), methods.Select(m => m.Name).Order());
        Assert.All(methods, m => Assert.Equal(HubMethods[m.Name].Policy, m.Policy));
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Every_hub_method_answers_the_roles_its_policy_admits_and_refuses_the_others_audited(string role)
    {
        if (role == Anonymous)
        {
            await using var stranger = TestHubs.Create(app, "hubs/twin", () => Task.FromResult(string.Empty), IngestionApp.Key);
            await Assert.ThrowsAnyAsync<Exception>(() => stranger.StartAsync());
            var audit = await AuditOf(AuditActions.Challenged, "anonymous");
            Assert.Contains(audit, r => r.Entry.Target == "/hubs/twin");
            return;
        }

        using var who = await app.SignInAsync(role);
        var actor = role == Roles.Wall ? "wall:配置的大屏 configured wall" : TestAccounts.UserNameFor(role);
        foreach (var withKey in new[] { false, true })
        {
            await using var connection = who.CreateHubConnection(apiKey: withKey ? IngestionApp.Key : null);
            await connection.StartAsync();
            var refused = new List<string>();
            foreach (var (name, (policy, args)) in HubMethods)
            {
                var method = name.Split('.')[1];
                if (Admits(policy, role, withKey))
                {
                    await connection.InvokeCoreAsync(method, typeof(object), args);
                }
                else
                {
                    var refusal = await Assert.ThrowsAsync<HubException>(() => connection.InvokeCoreAsync(method, typeof(object), args));
                    Assert.Contains("无权执行此操作", refusal.Message); // the connection opened without ?lang= speaks Chinese
                    refused.Add(name);
                }
            }

            var audit = await AuditOf(AuditActions.Forbidden, actor);
            Assert.All(refused, name => Assert.Contains(audit, r => r.Entry.Target == name && r.Entry.Outcome == AuditOutcome.Denied));
        }
    }

    [Theory]
    [MemberData(nameof(Everyone))]
    public async Task Revealing_a_contact_and_administering_accounts_are_refused_and_audited_for_roles_without_them(string role)
    {
        var user = Principal(role);
        await using var scope = app.Services.CreateAsyncScope();
        var reveal = scope.ServiceProvider.GetRequiredService<ContactRevealService>();
        var admin = scope.ServiceProvider.GetRequiredService<AccountAdministration>();

        var revealed = await reveal.RevealAsync(user, "T-NO-SUCH", "回访核实情况", AuditOrigin.None);
        var mayReveal = role != Anonymous && Policies.RolesOf[Policies.RevealContact].Contains(role);
        Assert.Equal(mayReveal ? "工单不存在" : "无权查看联系方式", revealed.Refusal);

        var mayAdminister = role == Roles.Admin;
        if (mayAdminister)
        {
            Assert.NotEmpty(await admin.ListAsync(user));
        }
        else
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => admin.ListAsync(user));
        }

        var actor = AuditTrail.ActorOf(user);
        var reveals = await AuditOf(AuditActions.ContactRevealed, actor);
        Assert.Contains(reveals, r => r.Entry.Target == "T-NO-SUCH" && r.Entry.Outcome == (mayReveal ? AuditOutcome.Success : AuditOutcome.Denied));
        if (!mayAdminister)
        {
            Assert.Contains(await AuditOf(AuditActions.Forbidden, actor), r => r.Entry.Target == "account administration");
        }
    }

    private static ClaimsPrincipal Principal(string role) => role == Anonymous
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "matrix-" + role), new Claim(ClaimTypes.Role, role)], "test", ClaimTypes.Name, ClaimTypes.Role));

    private async Task<IReadOnlyList<AuditRecord>> AuditOf(string action, string actor)
    {
        var audit = app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        return await audit.Log.QueryAsync(new AuditQuery(Actor: actor, ActionPrefix: action, Limit: 1000));
    }
}
