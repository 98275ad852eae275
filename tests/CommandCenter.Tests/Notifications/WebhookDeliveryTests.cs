using System.Text.Json;
using System.Web;
using CommandCenter.Audit;
using CommandCenter.Notifications;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Data.Store;
using Twin.Domain.Alarms;
using Twin.Domain.Catalogue;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Notifications;

/// <summary>
/// Webhooks against a real receiver on loopback, in the app on its own store: organisations'
/// webhooks set up by an admin (URLs and secrets stored encrypted, never shown), each event once per
/// webhook and only to the organisations whose scope it is in, a 500 retried, the last failure
/// dead-lettered, still listed after a restart and sent again by hand, a DingTalk robot's URL signed,
/// no body holding a caller's name or phone, and a node that is not the writer sending nothing.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private const string CallerName = "张三丰";
    private const string CallerPhone = "13912345678";
    private const string RobotToken = "robot-token-4f2a";
    private const string DingSecret = "SECtest-ding-secret";

    private static readonly System.Security.Claims.ClaimsPrincipal Admin = TestAccounts.Principal(Roles.Admin);

    [Fact]
    public async Task Each_event_reaches_each_organisation_in_scope_once_retried_dead_lettered_across_a_restart_without_personal_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst("flaky", 1);
        receiver.Answer("down", 500);
        await using var factory = new TwinAppFactory();
        DeadLetter first;
        await using (var app = App(factory, receiver))
        {
            var twin = app.Services.AppTwin();
            await twin.Ready.WaitAsync(TimeSpan.FromSeconds(60));
            await app.Services.GetRequiredService<NodeRole>().Writing.WaitAsync(TimeSpan.FromSeconds(60));

            // The organisations are written to the store by the security bootstrap; a webhook's row refers to its organisation's.
            await app.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
            var district = app.Services.GetRequiredService<DistrictMap>();
            var organisations = app.Services.GetRequiredService<ITwinOrganisations>();
            var area = organisations.All.Single(o => o.SubDistrictCode == district.SubDistricts[2].Code);
            var elsewhere = organisations.All.Single(o => o.SubDistrictCode == district.SubDistricts[0].Code);
            var water = organisations.All.Single(o => o.Kind == OrganisationKind.Department && o.NameZh == "区水务局");

            await using (var scope = app.Services.CreateAsyncScope())
            {
                var admin = scope.ServiceProvider.GetRequiredService<WebhookAdministration>();
                (string Org, string Name, WebhookFormat Format, NotificationKind[] Kinds, string? Secret)[] hooks =
                [
                    (Organisation.CentreId, "centre", WebhookFormat.Generic, [], null),
                    (area.Id, "area", WebhookFormat.WeCom, [], null),
                    (elsewhere.Id, "elsewhere", WebhookFormat.Generic, [], null),
                    (water.Id, "water", WebhookFormat.Generic, [], null),
                    (Organisation.CentreId, "flaky", WebhookFormat.Generic, [], null),
                    (area.Id, "down", WebhookFormat.Generic, [], null),
                    (Organisation.CentreId, "ding", WebhookFormat.DingTalk, [NotificationKind.EmergencyMode], DingSecret),
                ];
                foreach (var (org, name, format, kinds, secret) in hooks)
                {
                    var saved = await admin.SaveAsync(Admin, AuditOrigin.None, new WebhookEdit(null, org, name, format, kinds, $"{receiver.BaseUrl}/{name}?access_token={RobotToken}", secret));
                    Assert.True(saved.Succeeded, saved.Error);
                }

                var refused = await admin.SaveAsync(Admin, AuditOrigin.None, new WebhookEdit(null, area.Id, "area", WebhookFormat.Generic, [], "ftp://example.test/x", null));
                Assert.False(refused.Succeeded);
            }

            var notifier = app.Services.GetRequiredService<WebhookNotifier>();
            var changes = new TwinChangeSet(1, DayOfEvents(district, app.Services.GetRequiredService<EventCatalogue>()), []);
            await notifier.HandleAsync(changes, CancellationToken.None);
            await notifier.HandleAsync(changes, CancellationToken.None);

            var deadLetters = app.Services.GetRequiredService<DeadLetters>();
            await Eventually(async () => (await deadLetters.ListAsync()).Count == 4 && receiver.BodiesOf("flaky").Count == 5,
                async () => $"dead letters: {(await deadLetters.ListAsync()).Count}, received {string.Join(", ", receiver.Received.Select(r => r.Path))}");

            // The centre and the config file's webhook hear all four; the 街镇 of the place all four (it is all in its area);
            // another 街镇 and the water department only the emergency, which is the district's (neither the alarm nor the
            // case is in their area or inbox).
            string[] all = [nameof(NotificationKind.AlarmEscalated), nameof(NotificationKind.CriticalAlarm), nameof(NotificationKind.EmergencyMode), nameof(NotificationKind.OverdueSupervision)];
            Assert.Equal(all, Kinds(receiver.BodiesOf("centre")));
            Assert.Equal(all, Kinds(receiver.BodiesOf("configured")));
            Assert.Equal([nameof(NotificationKind.EmergencyMode)], Kinds(receiver.BodiesOf("elsewhere")));
            Assert.Equal([nameof(NotificationKind.EmergencyMode)], Kinds(receiver.BodiesOf("water")));
            Assert.Equal(4, receiver.BodiesOf("area").Count);
            Assert.All(receiver.BodiesOf("area"), b => Assert.Equal("markdown", JsonDocument.Parse(b).RootElement.GetProperty("msgtype").GetString()));

            // The flaky receiver failed once: that event came twice and was delivered, the rest once each.
            Assert.Equal(4, receiver.BodiesOf("flaky").Distinct().Count());
            Assert.Equal(4 * 3, receiver.BodiesOf("down").Count);
            var letters = await deadLetters.ListAsync();
            Assert.All(letters, l => Assert.Equal(("down", area.Id, 3, "HTTP 500 Internal Server Error"), (l.Webhook, l.Organisation, l.Attempts, l.LastError)));

            // The DingTalk robot's URL was signed with its secret at the app's clock.
            var ding = HttpUtility.ParseQueryString(Assert.Single(receiver.Queries, q => q.Path == "ding").Query);
            Assert.Equal(RobotToken, ding["access_token"]);
            var timestamp = long.Parse(ding["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(HttpUtility.UrlDecode(DingTalkSigning.Sign(timestamp, DingSecret)), ding["sign"]);
            Assert.InRange(DateTimeOffset.FromUnixTimeMilliseconds(timestamp), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

            foreach (var (_, body) in receiver.Received)
            {
                foreach (var personal in new[] { CallerName, "张*", CallerPhone, "139****5678", "5678", "李督办", "家门口" })
                {
                    Assert.DoesNotContain(personal, body, StringComparison.Ordinal);
                }
            }

            // Neither the store nor the admin's page nor the audit log holds a robot's key or secret in clear.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TwinDbContext>();
                var stored = await db.Webhooks.AsNoTracking().ToListAsync();
                Assert.Equal(7, stored.Count);
                Assert.All(stored, w => Assert.DoesNotContain(RobotToken, w.ProtectedUrl + w.UrlHint, StringComparison.Ordinal));
                Assert.DoesNotContain(stored, w => (w.ProtectedSecret ?? string.Empty).Contains(DingSecret, StringComparison.Ordinal));
            }

            using var signedIn = await app.SignInAsync(Roles.Admin);
            var page = await signedIn.Client.GetStringAsync("/admin/users");
            Assert.Contains("data-webhook=\"ding\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain(RobotToken, page, StringComparison.Ordinal);
            Assert.DoesNotContain(DingSecret, page, StringComparison.Ordinal);
            var audit = app.Services.GetRequiredService<AuditTrail>();
            await audit.FlushAsync();
            var rows = await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: "notification.webhook"));
            Assert.Equal(7, rows.Count(r => r.Entry.Outcome == AuditOutcome.Success));
            Assert.Contains(rows, r => r.Entry.Outcome == AuditOutcome.Failure);
            Assert.DoesNotContain(rows, r => $"{r.Entry.Target} {r.Entry.Detail}".Contains(RobotToken, StringComparison.Ordinal) || $"{r.Entry.Detail}".Contains(DingSecret, StringComparison.Ordinal));
            first = letters[0];
        }

        // A restart: the list is the store's, and a retry that is delivered takes the letter off it.
        await using (var restarted = App(factory, receiver))
        {
            await restarted.Services.AppTwin().Ready.WaitAsync(TimeSpan.FromSeconds(60));
            var deadLetters = restarted.Services.GetRequiredService<DeadLetters>();
            Assert.Equal(4, (await deadLetters.ListAsync()).Count);
            using (var signedIn = await restarted.SignInAsync(Roles.Admin))
            {
                var page = await signedIn.Client.GetStringAsync("/admin/notifications");
                Assert.Contains($"data-dead-letter=\"{first.Key}\"", page, StringComparison.Ordinal);
                Assert.DoesNotContain(RobotToken, page, StringComparison.Ordinal);
            }

            receiver.Answer("down", 200);
            var before = receiver.BodiesOf("down").Count;
            Assert.True(await restarted.Services.GetRequiredService<WebhookSender>().RetryAsync(first.Id, CancellationToken.None));
            Assert.Equal(before + 1, receiver.BodiesOf("down").Count);
            var left = await deadLetters.ListAsync();
            Assert.Equal(3, left.Count);
            Assert.DoesNotContain(left, l => l.Id == first.Id);
        }
    }

    [Fact]
    public async Task A_node_that_is_not_the_writer_sends_nothing_until_it_becomes_the_writer()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new TwinAppFactory();
        await using var app = App(factory, receiver);
        var services = app.Services;
        await services.AppTwin().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        var role = new NodeRole();
        var follower = new WebhookNotifier(
            services.GetRequiredService<ITwinChanges>(), services.GetRequiredService<NotificationFactory>(), services.GetRequiredService<WebhookDirectory>(),
            services.GetRequiredService<WebhookSender>(), services.GetRequiredService<ITwinOrganisations>(), role, NullLogger<WebhookNotifier>.Instance);
        await follower.StartAsync(CancellationToken.None);
        var changes = new TwinChangeSet(1, DayOfEvents(services.GetRequiredService<DistrictMap>(), services.GetRequiredService<EventCatalogue>()), []);

        await follower.HandleAsync(changes, CancellationToken.None);
        // A loopback post takes milliseconds; a second is ample for one that should not come.
        await Task.Delay(1000);
        Assert.Empty(receiver.Received);

        role.MarkWriting();
        await follower.HandleAsync(changes, CancellationToken.None);
        await Eventually(() => Task.FromResult(receiver.BodiesOf("configured").Count == 4), () => Task.FromResult($"received {receiver.Received.Count}"));
        await follower.StopAsync(CancellationToken.None);
    }

    /// <summary>The app without the simulator (the change sets are fed by hand), with one webhook from the configuration.</summary>
    private static WebApplicationFactory<Program> App(TwinAppFactory factory, WebhookReceiver receiver) => factory.WithWebHostBuilder(b =>
    {
        b.UseSetting("Twin:Simulator:Enabled", "false");
        b.UseSetting("Twin:Notifications:MaxAttempts", "3");
        b.UseSetting("Twin:Notifications:FirstRetryDelayMilliseconds", "10");
        b.UseSetting("Twin:Notifications:Webhooks:0:Name", "configured");
        b.UseSetting("Twin:Notifications:Webhooks:0:Url", receiver.BaseUrl + "/configured");
    });

    private static string[] Kinds(IReadOnlyList<string> bodies) =>
        [.. bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal)];

    /// <summary>A critical AI alarm left unacknowledged, a caller's case gone overdue, and an emergency started — from a real engine.</summary>
    private static IReadOnlyList<TwinEvent> DayOfEvents(DistrictMap district, EventCatalogue catalogue)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 14, 10, 0, 0, TimeSpan.FromHours(8)));
        var engine = new TwinEngine(district, catalogue, time);
        var place = district.SubDistricts[2].Boundary.InteriorPoint;
        var at = new GeoPoint(place.X, place.Y);
        Accept(engine.RaiseAiVideoAlarm(new AiVideoEvent("CAM-1", "thrown-object", "小区 疑似高空抛物", at, AlarmSeverity.Critical, time.GetUtcNow())));
        Accept(engine.ReportTicket(new TicketReport("T-1", TicketChannel.Hotline12345, "street-vending", $"{CallerName}反映摊贩占道",
            $"我是{CallerName}，电话{CallerPhone}，楼下有人摆摊", at, "测试地址", null, new Reporter(CallerName, CallerPhone), time.GetUtcNow())));
        time.Advance(TimeSpan.FromMinutes(90));
        engine.Tick();
        Accept(engine.StartEmergency(EmergencyType.FloodTyphoon, ResponseLevel.IV, "李督办", OfficerRole.Supervisor, $"{CallerName}家门口积水"));
        return engine.DrainEvents();
    }

    private static void Accept(InputResult result) => Assert.True(result.Accepted, result.Reason);

    private static async Task Eventually(Func<Task<bool>> condition, Func<Task<string>> seen)
    {
        // Three tries 10 ms and 20 ms apart per delivery: well within 20 s even on a loaded machine.
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not reached within 20 s; {await seen()}");
            await Task.Delay(50);
        }
    }
}
