using System.Globalization;
using System.Net;
using System.Text.Json;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>
/// A citizen who writes their name and number into the complaint itself: the wall's hub, the
/// anonymous Open311 reads and the stored ticket text carry only masked forms; the text as written
/// is kept encrypted with the contact and comes back only through the audited reveal.
/// </summary>
public sealed class FreeTextPersonalDataTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    private const string Description = "我是王五 电话13700001111 沪A·12345的车每晚停在楼道口，身份证310107198803151234";
    private static readonly string[] PersonalData = ["王五", "13700001111", "沪A·12345", "310107198803151234"];

    [Fact]
    public async Task Names_numbers_and_plates_in_a_description_never_leave_unmasked_and_the_original_is_revealed_only_with_a_reason()
    {
        var at = app.InsidePoint();
        var response = await app.CreateClient().PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("api_key", IngestionApp.Key), ("service_code", "noise"), ("lat", at.Lat.ToString("R", CultureInfo.InvariantCulture)),
            ("long", at.Lon.ToString("R", CultureInfo.InvariantCulture)), ("description", Description)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ticketId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString()!;

        var anonymous = app.CreateClient();
        var one = await anonymous.GetStringAsync($"/open311/v2/requests/{ticketId}.json");
        var list = await anonymous.GetStringAsync("/open311/v2/requests.json");
        Assert.Contains("王*", JsonDocument.Parse(one).RootElement[0].GetProperty("description").GetString());
        Assert.Contains("137****1111", one);
        AssertNoPersonalData(one);
        AssertNoPersonalData(list);
        foreach (var column in new[] { "title", "description" })
        {
            Assert.Equal(0, app.Count($"tickets WHERE id = '{ticketId}' AND ({column} LIKE '%王五%' OR {column} LIKE '%13700001111%')"));
        }

        Assert.Equal(1, app.Count($"tickets WHERE id = '{ticketId}' AND reporter_statement IS NOT NULL AND reporter_statement NOT LIKE '%13700001111%'"));

        using var wall = await app.SignInAsync(Roles.Wall);
        await using (var hub = wall.CreateHubConnection())
        {
            var replica = new MapReplica(hub, recordStates: false);
            await hub.StartAsync();
            await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains(ticketId, StringComparison.Ordinal)), "the ticket reaches the hub");
            Assert.All(replica.RawMessages, AssertNoPersonalData);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var reveal = scope.ServiceProvider.GetRequiredService<ContactRevealService>();
        Assert.Null((await reveal.RevealAsync(TestAccounts.Principal(Roles.Officer), ticketId, " ", AuditOrigin.None)).Contact);
        var revealed = await reveal.RevealAsync(TestAccounts.Principal(Roles.Officer), ticketId, "核实车辆信息", AuditOrigin.None);
        Assert.Contains(Description, revealed.Contact?.Statement);
        var audit = app.Services.GetRequiredService<AuditTrail>();
        await audit.FlushAsync();
        Assert.Single(await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.ContactRevealed, Target: ticketId)));
    }

    [Fact]
    public async Task A_CAP_alert_naming_a_contact_and_a_number_reaches_the_hub_and_the_wall_masked()
    {
        var cap = CapSamples.Thunderstorm("PII-CAP-1", app.InsidePoint())
            .Replace("<headline>SEVERE THUNDERSTORM WARNING</headline>", "<headline>暴雨积水预警 联系人王五 电话13700001111</headline>", StringComparison.Ordinal)
            .Replace("<description> AT 254 PM", "<description>我是王五 电话13700001111 AT 254 PM", StringComparison.Ordinal)
            .Replace("<instruction>TAKE COVER", "<instruction>联系人王五 13700001111 TAKE COVER", StringComparison.Ordinal);
        var response = await app.KeyedClient().PostAsync("/api/alerts/cap", IngestionApp.Xml(cap));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var alarmId = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("alarmId").GetString()!;
        Assert.Equal(0, app.Count($"alarms WHERE id = '{alarmId}' AND (title LIKE '%王五%' OR title LIKE '%13700001111%')"));

        using var wall = await app.SignInAsync(Roles.Wall);
        await using (var hub = wall.CreateHubConnection())
        {
            var replica = new MapReplica(hub, recordStates: false);
            await hub.StartAsync();
            await Eventually.Until(() => replica.RawMessages.Any(m => m.Contains(alarmId, StringComparison.Ordinal) && m.Contains("联系人王* 电话137****1111", StringComparison.Ordinal)),
                "the alarm reaches the hub with its headline masked");
            Assert.All(replica.RawMessages, AssertNoPersonalData);
        }

        // The page renders the twin's Current, which folds changes in every snapshot interval: on a
        // busy machine it may trail the hub by a moment.
        var page = "";
        await Eventually.Until(async () => (page = await wall.Client.GetStringAsync("/")).Contains("暴雨积水预警 联系人王* 电话137****1111", StringComparison.Ordinal),
            "the wall page shows the alarm with its headline masked");
        AssertNoPersonalData(page);
    }

    private static void AssertNoPersonalData(string text) =>
        Assert.All(PersonalData, p => Assert.DoesNotContain(p, text, StringComparison.Ordinal));
}
