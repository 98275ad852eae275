using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>
/// What the desk says when the twin refuses an action, in the desk's language, and the evaluation
/// (满意 / 不满意) offered only within its window after closing; bUnit against the real twin, simulator off.
/// </summary>
public sealed class DeskRefusalTests : QuietTwinTests
{
    [Theory]
    [InlineData("zh", "找不到要并入的工单 X-404")]
    [InlineData("en", "No case X-404 to merge into")]
    public async Task A_refusal_from_the_twin_is_worded_in_the_desk_language(string lang, string expected)
    {
        var id = "R-" + lang.ToUpperInvariant();
        await ReportAsync(id);
        using var language = lang == "en" ? UiLanguage.English() : UiLanguage.Chinese();
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = ctx.Render<ConsolePage>();
        await OpenAsync(console, id);

        console.Find("[data-input='merge'] input").Input("X-404");
        await console.Find("[data-action='Merge']").ClickAsync(new MouseEventArgs());

        console.WaitForAssertion(() => Assert.Equal(expected, console.Find("[data-refusal]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_closed_ticket_offers_its_evaluation_only_within_the_window()
    {
        await ReportAsync("E-WINDOW");
        foreach (var command in new DispatchCommand[]
        {
            new FileTicketCommand("E-WINDOW", "值班员"), new DispatchTicketCommand("E-WINDOW", "值班员", null), new AcceptDispatchCommand("E-WINDOW", "处置部门"),
            new SubmitForReviewCommand("E-WINDOW", "处置部门"), new ApproveReviewCommand("E-WINDOW", "审核员"),
        })
        {
            var result = await Runtime.Commands.SubmitAsync(command);
            Assert.True(result.Accepted, result.Reason);
        }

        // The desk's window made short enough to pass during the test; the twin's own stays at its default.
        var window = new EvaluationWindow(TimeSpan.FromSeconds(3));
        await using var ctx = ConsoleContext.Create(App.Services);
        ctx.Services.AddSingleton(window);
        var console = ctx.Render<ConsolePage>();
        await OpenAsync(console, "E-WINDOW");
        Assert.Equal(nameof(TicketStatus.Closed), console.Find("[data-ticket-view]").GetAttribute("data-status"));
        Assert.NotEmpty(console.FindAll("[data-action='EvaluateSatisfied']"));
        Assert.Empty(console.FindAll("[data-evaluation-closed]"));

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await console.InvokeAsync(() => console.FindComponent<ConsoleKeyboard>().Instance.OnShortcut("y"));

        console.WaitForAssertion(() =>
        {
            Assert.Empty(console.FindAll("[data-action='EvaluateSatisfied']"));
            Assert.Empty(console.FindAll("[data-action='EvaluateUnsatisfied']"));
            Assert.Contains("评价期已过", console.Find("[data-evaluation-closed]").TextContent);
        });
        Assert.Equal(nameof(TicketStatus.Closed), console.Find("[data-ticket-view]").GetAttribute("data-status"));
    }

    private static async Task OpenAsync(IRenderedComponent<ConsolePage> console, string id)
    {
        console.WaitForAssertion(() => Assert.NotEmpty(console.FindAll("[data-queue]")), TimeSpan.FromSeconds(10));
        await console.InvokeAsync(() => console.FindComponent<TicketQueue>().Instance.Selected.InvokeAsync(id));
        console.WaitForAssertion(() => Assert.Equal(id, console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")), TimeSpan.FromSeconds(10));
    }

    private async Task ReportAsync(string id)
    {
        var point = Runtime.District.SubDistricts[0].Boundary.InteriorPoint;
        var report = new TicketReport(id, TicketChannel.Hotline12345, "street-light", "路灯不亮", "小区门口路灯晚上不亮", new GeoPoint(point.X, point.Y), "测试地址", null,
            new Reporter("李四", "13800001111"), Runtime.Clock.GetUtcNow());
        var result = await Runtime.Commands.SubmitAsync(new ReportTicketCommand(report));
        Assert.True(result.Accepted, result.Reason);
    }
}
