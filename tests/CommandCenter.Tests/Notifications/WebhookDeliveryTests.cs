using System.Text.Json;
using CommandCenter.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Twin.Data.Boundary;
using Twin.Data.Pipeline;
using Twin.Domain.Alarms;
using Twin.Domain.Catalogue;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Notifications;

/// <summary>
/// Webhooks against a real receiver on loopback: each event once per webhook, a 500 retried, the
/// last failure dead-lettered and sent again by hand, and no body holding a caller's name or phone,
/// an officer's name or a reason anyone wrote.
/// </summary>
public sealed class WebhookDeliveryTests
{
    private const string CallerName = "张三丰";
    private const string CallerPhone = "13912345678";

    [Fact]
    public async Task Each_event_reaches_each_webhook_once_a_500_is_retried_and_the_last_failure_is_dead_lettered_without_personal_data()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst("flaky", 1);
        receiver.Answer("down", 500);
        await using var services = Services(receiver.BaseUrl);
        var notifier = services.GetRequiredService<WebhookNotifier>();
        await notifier.StartAsync(CancellationToken.None);

        var changes = new TwinChangeSet(1, DayOfEvents(services), []);
        await notifier.HandleAsync(changes, CancellationToken.None);
        await notifier.HandleAsync(changes, CancellationToken.None);

        var deadLetters = services.GetRequiredService<DeadLetters>();
        await Eventually(() => deadLetters.List().Count == 4, () => $"dead letters: {deadLetters.List().Count}, received {receiver.Received.Count}");
        await notifier.StopAsync(CancellationToken.None);

        var generic = receiver.BodiesOf("generic").Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal(
            [nameof(NotificationKind.AlarmEscalated), nameof(NotificationKind.CriticalAlarm), nameof(NotificationKind.EmergencyMode), nameof(NotificationKind.OverdueSupervision)],
            generic.Select(b => b.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(4, generic.Select(b => b.GetProperty("key").GetString()).Distinct().Count());

        var weCom = Assert.Single(receiver.BodiesOf("wecom"));
        using (var body = JsonDocument.Parse(weCom))
        {
            Assert.Equal("markdown", body.RootElement.GetProperty("msgtype").GetString());
            Assert.Contains("紧急告警", body.RootElement.GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        }

        var dingTalk = Assert.Single(receiver.BodiesOf("dingtalk"));
        Assert.StartsWith("应急响应", JsonDocument.Parse(dingTalk).RootElement.GetProperty("markdown").GetProperty("title").GetString(), StringComparison.Ordinal);

        // The flaky receiver failed once: that event came twice and was delivered, the rest once each.
        Assert.Equal(5, receiver.BodiesOf("flaky").Count);
        Assert.Equal(4, receiver.BodiesOf("flaky").Distinct().Count());
        Assert.Equal(4 * 3, receiver.BodiesOf("down").Count);
        Assert.All(deadLetters.List(), l => Assert.Equal(("down", "Water duty group", 3, "HTTP 500 Internal Server Error"), (l.Webhook, l.Organisation, l.Attempts, l.LastError)));

        foreach (var (_, body) in receiver.Received)
        {
            foreach (var personal in new[] { CallerName, "张*", CallerPhone, "139****5678", "5678", "李督办", "家门口" })
            {
                Assert.DoesNotContain(personal, body, StringComparison.Ordinal);
            }
        }

        receiver.Answer("down", 200);
        var sender = services.GetRequiredService<WebhookSender>();
        var first = deadLetters.List()[0];
        Assert.True(await sender.RetryAsync(first.Id, CancellationToken.None));
        Assert.Equal(3, deadLetters.List().Count);
        Assert.DoesNotContain(deadLetters.List(), l => l.Id == first.Id);
    }

    /// <summary>A critical AI alarm left unacknowledged, a caller's case gone overdue, and an emergency started — from a real engine.</summary>
    private static IReadOnlyList<TwinEvent> DayOfEvents(IServiceProvider services)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 14, 10, 0, 0, TimeSpan.FromHours(8)));
        var district = services.GetRequiredService<DistrictMap>();
        var catalogue = services.GetRequiredService<EventCatalogue>();
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

    private static ServiceProvider Services(string receiver)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Twin:Notifications:MaxAttempts"] = "3",
            ["Twin:Notifications:FirstRetryDelayMilliseconds"] = "10",
        };
        (string Name, string Format, string? Kind)[] hooks =
        [
            ("generic", "Generic", null), ("wecom", "WeCom", "CriticalAlarm"), ("dingtalk", "DingTalk", "EmergencyMode"), ("flaky", "Generic", null), ("down", "Generic", null),
        ];
        for (var i = 0; i < hooks.Length; i++)
        {
            settings[$"Twin:Notifications:Webhooks:{i}:Name"] = hooks[i].Name;
            settings[$"Twin:Notifications:Webhooks:{i}:Url"] = $"{receiver}/{hooks[i].Name}";
            settings[$"Twin:Notifications:Webhooks:{i}:Format"] = hooks[i].Format;
            if (hooks[i].Kind is { } kind)
            {
                settings[$"Twin:Notifications:Webhooks:{i}:Kinds:0"] = kind;
            }
        }

        settings["Twin:Notifications:Webhooks:4:Organisation"] = "Water duty group";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(_ => EventCatalogue.LoadDefault())
            .AddSingleton(_ => DistrictMapLoader.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "geo"), 500))
            .AddSingleton<ITwinChanges, NoChanges>();
        services.AddTwinNotifications(configuration);
        return services.BuildServiceProvider();
    }

    private static void Accept(InputResult result) => Assert.True(result.Accepted, result.Reason);

    private static async Task Eventually(Func<bool> condition, Func<string> seen)
    {
        // Three tries 10 ms and 20 ms apart per delivery: well within 10 s even on a loaded machine.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"not reached within 10 s; {seen()}");
            await Task.Delay(50);
        }
    }

    /// <summary>The change feed is fed by hand here (<see cref="WebhookNotifier.HandleAsync"/>).</summary>
    private sealed class NoChanges : ITwinChanges
    {
        public IDisposable Subscribe(string name, Func<TwinChangeSet, CancellationToken, Task> onChanges, ChangeDelivery delivery = ChangeDelivery.Latest) =>
            new CancellationTokenSource();
    }
}
