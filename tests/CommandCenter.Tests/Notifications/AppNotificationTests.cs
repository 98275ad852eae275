using System.Text.Json;
using CommandCenter.Notifications;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Sensors;

namespace CommandCenter.Tests.Notifications;

/// <summary>The app as configured: a committed critical alarm reaches the configured webhook once, through the twin's change feed; one refused lands in the admin's dead-letter list.</summary>
public sealed class AppNotificationTests
{
    [Fact]
    public async Task A_smoke_alarm_committed_in_the_app_is_posted_once_to_the_duty_groups_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new TwinAppFactory();
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Twin:Simulator:Enabled", "false");
            b.UseSetting("Twin:Notifications:Webhooks:0:Name", "fire-duty");
            b.UseSetting("Twin:Notifications:Webhooks:0:Url", receiver.BaseUrl + "/fire");
            b.UseSetting("Twin:Notifications:Webhooks:0:Kinds:0", "CriticalAlarm");
        });
        var twin = app.Services.AppTwin();
        await twin.Ready.WaitAsync(TimeSpan.FromSeconds(60));

        var alarmId = await RaiseSmokeAlarmAsync(twin);
        Assert.True((await twin.Commands.SubmitAsync(new AcknowledgeAlarmCommand(alarmId, "test-officer", "已通知消防"))).Accepted);

        // Delivery follows the commit on the notifier's own task; 10 s is far beyond a loopback post.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (receiver.BodiesOf("fire").Count == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        // Half a second more for a second post, which must not come (the acknowledgement is no notification).
        await Task.Delay(500);
        var body = Assert.Single(receiver.BodiesOf("fire"));
        using var json = JsonDocument.Parse(body);
        Assert.Equal("CriticalAlarm", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal(alarmId, json.RootElement.GetProperty("facts").GetProperty("alarmId").GetString());
        Assert.Contains("烟感火警", json.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notification_the_receiver_refuses_is_listed_for_the_admin_by_webhook_name_never_by_url()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer("broken", 503);
        await using var factory = new TwinAppFactory();
        await using var app = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Twin:Simulator:Enabled", "false");
            b.UseSetting("Twin:Notifications:MaxAttempts", "2");
            b.UseSetting("Twin:Notifications:FirstRetryDelayMilliseconds", "10");
            b.UseSetting("Twin:Notifications:Webhooks:0:Name", "fire-duty");
            b.UseSetting("Twin:Notifications:Webhooks:0:Organisation", "区消防救援支队");
            b.UseSetting("Twin:Notifications:Webhooks:0:Url", receiver.BaseUrl + "/broken?key=secret-robot-key");
        });
        var twin = app.Services.AppTwin();
        await twin.Ready.WaitAsync(TimeSpan.FromSeconds(60));
        await RaiseSmokeAlarmAsync(twin);

        var deadLetters = app.Services.GetRequiredService<DeadLetters>();
        var until = DateTime.UtcNow.AddSeconds(10);
        while ((await deadLetters.ListAsync()).Count == 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        var letter = Assert.Single(await deadLetters.ListAsync());
        Assert.Equal(2, receiver.BodiesOf("broken").Count);
        using var admin = await app.SignInAsync(Roles.Admin);
        var html = await admin.Client.GetStringAsync("/admin/notifications");
        Assert.Contains($"data-dead-letter=\"{letter.Key}\"", html, StringComparison.Ordinal);
        Assert.Contains("fire-duty", html, StringComparison.Ordinal);
        Assert.Contains("区消防救援支队", html, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-robot-key", html, StringComparison.Ordinal);
    }

    private static async Task<string> RaiseSmokeAlarmAsync(AppTwin twin)
    {
        var point = twin.District.SubDistricts[1].Boundary.InteriorPoint;
        var sensor = new SensorDefinition("HOOK-SMOKE", SensorKind.Smoke, "测试烟感", new GeoPoint(point.X, point.Y), "unit", new Thresholds(50, 80, 5), TimeSpan.FromMinutes(1));
        Assert.True((await twin.Commands.SubmitAsync(new RegisterSensorCommand(sensor))).Accepted);
        Assert.True((await twin.Commands.SubmitAsync(new RecordObservationCommand(new Observation(sensor.Id, 95, twin.Clock.GetUtcNow())))).Accepted);
        return twin.Queries.Current.ActiveAlarms.Single(a => a.SourceId == sensor.Id).Id;
    }
}
