using System.Globalization;
using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Components.Console;
using CommandCenter.Officers;
using CommandCenter.Scenes;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Domain.Drones;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;

namespace CommandCenter.Tests.Console;

/// <summary>
/// Every family of refusal a page shows — the role checks (tickets, the 平急 mode, the wall
/// presenter), the alarm desk, the drones, account administration and the hub — is worded in the
/// page's language: an English page never shows a Chinese refusal, a Chinese page never an English one.
/// The refusals come from the real services of a quiet app, as the desk receives them.
/// </summary>
public sealed class RefusalLanguageTests : QuietTwinTests
{
    [Theory]
    [InlineData("en")]
    [InlineData("zh")]
    public async Task Each_family_of_refusal_is_worded_in_the_page_language(string lang)
    {
        var english = lang == "en";
        await using var leader = ConsoleContext.Create(App.Services, Roles.Leader);
        await using var officer = ConsoleContext.Create(App.Services, Roles.Officer);
        var refusals = new Dictionary<string, CommandOutcome>
        {
            ["role"] = await leader.Services.GetRequiredService<IOfficerCommands>().SubmitAsync(new AcknowledgeAlarmCommand("A-404", "领导", "看过")),
            ["mode"] = await officer.Services.GetRequiredService<IEmergencyCommands>().StartAsync(EmergencyType.FloodTyphoon, ResponseLevel.IV, "演练"),
            ["presenter"] = await officer.Services.GetRequiredService<IWallPresenter>().EndAsync(),
            ["alarm case"] = await Runtime.Commands.SubmitAsync(new FileCaseFromAlarmCommand("A-404", "值班员")),
            ["drone"] = await Runtime.Commands.SubmitAsync(new PlanMissionCommand(new MissionPlan("UAV-404", MissionKind.TicketFlight, "值班员", TargetId: "T-404"))),
        };

        using var language = english ? UiLanguage.English() : UiLanguage.Chinese();
        var worded = refusals.ToDictionary(r => r.Key, r => RefusalText.Of(r.Value, ConsoleText.ActionRefused));
        var expected = english
            ? new Dictionary<string, string>
            {
                ["role"] = "This role may not act on tickets, alarms or drones",
                ["mode"] = "Only a supervisor or a leader may change the mode",
                ["presenter"] = "The walls are not being presented",
                ["alarm case"] = "The alarm is no longer active",
                ["drone"] = "No drone UAV-404",
            }
            : new Dictionary<string, string>
            {
                ["role"] = "当前角色无权办理工单、告警或无人机任务",
                ["mode"] = "仅督办员或领导可变更运行模式",
                ["presenter"] = "大屏不在汇报中",
                ["alarm case"] = "该告警已不在活动告警中",
                ["drone"] = "找不到无人机 UAV-404",
            };
        Assert.Equal(expected, worded);
        Assert.All(refusals.Values, r => Assert.False(r.Accepted));

        using var scope = App.Services.CreateScope();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Roles.Admin)], "test"));
        var unnamedWall = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().IssueDeviceAsync(admin, AuditOrigin.None, " ");
        Assert.False(unnamedWall.Succeeded);
        Assert.Equal(english ? "Name the wall." : "请填写大屏名称", unnamedWall.Error);
    }

    [Theory]
    [InlineData("en", "Not allowed.")]
    [InlineData("zh-CN", "无权执行此操作")]
    public void A_hub_refusal_speaks_the_language_of_the_page_that_opened_the_connection(string culture, string expected)
    {
        var http = new DefaultHttpContext();
        http.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(CultureInfo.GetCultureInfo(culture)), provider: null));
        Assert.Equal(expected, HubAuthorizationFilter.NotAllowed(http));
    }

    [Fact]
    public void A_refusal_without_a_code_shows_its_English_reason_only_on_an_English_page()
    {
        var uncoded = CommandOutcome.Refused("Depot D-1 holds 3 sandbags; 5 cannot be drawn.");
        using (UiLanguage.English())
        {
            Assert.Equal(uncoded.Reason, RefusalText.Of(uncoded, ConsoleText.ActionRefused));
        }

        using (UiLanguage.Chinese())
        {
            Assert.Equal("操作被拒绝", RefusalText.Of(uncoded, ConsoleText.ActionRefused));
        }
    }
}
