using CommandCenter.Components.Console;
using CommandCenter.Localization;
using CommandCenter.Officers;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Emergency;

/// <summary>
/// The plan's step, the supplies' draw and restock, a proposal, the mode and a field report: each
/// refusal carries its code, so a Chinese page says why in Chinese (not the bare 操作被拒绝) and an
/// English page in English. The refusals come from the real services of a quiet app.
/// </summary>
public sealed class PlanRefusalWordingTests : QuietTwinTests
{
    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task Each_refusal_of_the_plan_the_supplies_the_mode_and_the_field_says_why_in_the_page_language(string lang)
    {
        var english = lang == "en";
        await using var officer = ConsoleContext.Create(App.Services, Roles.Officer);
        await using var supervisor = ConsoleContext.Create(App.Services, Roles.Supervisor);
        var asOfficer = officer.Services.GetRequiredService<IEmergencyCommands>();
        var asSupervisor = supervisor.Services.GetRequiredService<IEmergencyCommands>();
        var sandbags = Runtime.Queries.Current.Stock.First(s => s.Item == "沙袋");
        var ticketId = "T-NOT-HANDLED-" + lang;
        await ReportAsync(ticketId);

        var refusals = new Dictionary<string, CommandOutcome>
        {
            ["step"] = await asOfficer.CompleteStepAsync("step-404", "已处理"),
            ["draw"] = await asOfficer.MoveStockAsync(sandbags.DepotId, "沙袋", StockMovementKind.Draw, sandbags.Quantity + 1, "超量"),
            ["restock"] = await asOfficer.MoveStockAsync(sandbags.DepotId, "飞艇", StockMovementKind.Restock, 1, "入库"),
            ["proposal"] = await asSupervisor.ConfirmAsync("MP-404", "确认"),
            ["mode"] = await asSupervisor.EndAsync("结束"),
            ["field"] = await Runtime.Commands.SubmitAsync(new SubmitFieldReportCommand("key-not-handled-" + lang, ticketId, "处置部门", "已处置", [])),
        };

        Assert.All(refusals, r => Assert.True(r.Value is { Accepted: false, Why: not null }, $"{r.Key}: {r.Value.Reason}"));
        using var language = english ? UiLanguage.English() : UiLanguage.Chinese();
        var worded = refusals.ToDictionary(r => r.Key, r => RefusalText.Of(r.Value, ConsoleText.ActionRefused));
        var expected = english
            ? new Dictionary<string, string>
            {
                ["step"] = "The running plan no longer holds this step (the level changed or the emergency ended)",
                ["draw"] = $"Not enough in stock: the depot holds {sandbags.Quantity}",
                ["restock"] = "The depot does not keep 飞艇",
                ["proposal"] = "Proposal MP-404 is no longer waiting: it was decided or covered",
                ["mode"] = "No emergency is running",
                ["field"] = "A handling report is submitted while the case is being handled, after accepting it; it is " + ConsoleText.Status(TicketStatus.Discovered, Lang.En),
            }
            : new Dictionary<string, string>
            {
                ["step"] = "该步骤已不在当前预案中（响应级别已变更或应急已结束）",
                ["draw"] = $"库存不足：该仓库只有 {sandbags.Quantity}",
                ["restock"] = "该仓库不存放飞艇",
                ["proposal"] = "建议 MP-404 已不在待决定之列（已被决定或已被覆盖）",
                ["mode"] = "当前没有应急响应",
                ["field"] = "接单后、处置中才能提交处置反馈；该工单当前为" + ConsoleText.Status(TicketStatus.Discovered, Lang.Zh),
            };
        Assert.Equal(expected, worded);
    }

    private async Task ReportAsync(string id)
    {
        var point = Runtime.District.SubDistricts[1].Boundary.InteriorPoint;
        var report = new TicketReport(id, TicketChannel.GridPatrol, "street-light", "路灯不亮", $"路灯晚上不亮{id}", new GeoPoint(point.X, point.Y), "测试地址", null,
            new Reporter(null, null), Runtime.Clock.GetUtcNow());
        var result = await Runtime.Commands.SubmitAsync(new ReportTicketCommand(report));
        Assert.True(result.Accepted, result.Reason);
    }
}
