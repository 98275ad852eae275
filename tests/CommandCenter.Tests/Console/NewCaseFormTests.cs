using Bunit;
using CommandCenter.Components.Console;
using CommandCenter.Components.Console.Intake;
using CommandCenter.Tests.Support;
using Microsoft.Data.Sqlite;
using MudBlazor;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Tests.Console;

/// <summary>
/// 新建工单 at the desk, rendered by bUnit against the real twin with the simulator off: a phone
/// call filed by keyboard, its caller stored encrypted and shown masked, the form's checks, and the
/// duplicate detector's suggestion while the officer types.
/// </summary>
public sealed class NewCaseFormTests : QuietTwinTests
{
    private const string Phone = "13912345678";
    private const string Caller = "欧阳测试";
    private const string NoiseText = "晚上十点后工地还在施工，噪声很大";

    [Fact]
    public async Task A_phone_call_filed_with_the_keyboard_opens_with_its_caller_masked_and_stored_encrypted()
    {
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find("[data-queue]")), TimeSpan.FromSeconds(10));

        await PressAsync(console, "n");
        console.WaitForAssertion(() => Assert.NotNull(console.Find("[data-new-case]")));
        Assert.Equal(nameof(TicketChannel.DeskCall), console.Find("[data-field='channel']").GetAttribute("value") ?? console.Find("[data-field='channel'] option").GetAttribute("value"));

        // Nothing chosen yet: each missing field says what it needs, and nothing is filed.
        await console.InvokeAsync(() => console.Find("form.new-case").Submit());
        console.WaitForAssertion(() =>
        {
            Assert.Equal("请选择事项类别。", console.Find("[data-problem='category']").TextContent);
            Assert.Equal("请选择街镇或居委。", console.Find("[data-problem='place']").TextContent);
            Assert.Equal("请填写诉求内容。", console.Find("[data-problem='description']").TextContent);
        });
        Assert.DoesNotContain(Runtime.Queries.Current.Tickets, t => t.Channel == TicketChannel.DeskCall);

        var subDistrict = Runtime.District.SubDistricts[2];
        await ChooseAsync(console, Runtime.Catalogue.Find("noise")!);
        await ChooseAsync(console, new DeskPlace(subDistrict, null));
        await console.InvokeAsync(() => console.Find("[data-field='description']").Input(NoiseText));
        await console.InvokeAsync(() => console.Find("[data-field='name']").Input(Caller));
        await console.InvokeAsync(() => console.Find("[data-field='phone']").Input("139-1234x"));
        await console.InvokeAsync(() => console.Find("form.new-case").Submit());
        console.WaitForAssertion(() => Assert.Contains("电话号码只能包含数字", console.Find("[data-problem='phone']").TextContent));

        await console.InvokeAsync(() => console.Find("[data-field='phone']").Input(Phone));
        await console.InvokeAsync(() => console.Find("[data-field='description']").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" }));

        // Filed and opened at once, taken over by the officer who filed it.
        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-new-case]")), TimeSpan.FromSeconds(10));
        var filed = Assert.Single(Runtime.Queries.Current.Tickets, t => t.Channel == TicketChannel.DeskCall);
        console.WaitForAssertion(() => Assert.Equal(filed.Id, console.Find("[data-ticket-view]").GetAttribute("data-ticket-view")));
        Assert.Equal(("noise", subDistrict.Code, NoiseText), (filed.CategoryCode, filed.SubDistrictCode, filed.Description));
        Assert.DoesNotContain(Phone, filed.PhoneMasked);
        Assert.EndsWith("5678", filed.PhoneMasked);
        Assert.DoesNotContain(Caller, filed.ReporterMasked);
        Assert.Equal(filed.ReporterMasked + " · " + filed.PhoneMasked, console.Find("[data-reporter]").TextContent);
        Assert.DoesNotContain(Phone, console.Markup);
        // Opening the case submits the claim; the page shows the case before that command has committed.
        await Eventually.Until(() => Runtime.Queries.Current.Tickets.Single(t => t.Id == filed.Id).ClaimedBy == "test-officer", "the officer who filed the case holds it");

        // The store holds the caller encrypted: readable only through the audited reveal.
        var contact = await Runtime.Queries.GetReporterContactAsync(filed.Id);
        Assert.Equal((Caller, Phone), (contact?.Name, contact?.Phone));
        Assert.Equal(0, CountRows($"SELECT COUNT(*) FROM tickets WHERE reporter_phone LIKE '%{Phone}%' OR reporter_name LIKE '%{Caller}%'"));
        Assert.Equal(1, CountRows($"SELECT COUNT(*) FROM tickets WHERE id = '{filed.Id}' AND reporter_phone IS NOT NULL AND reporter_name IS NOT NULL"));
    }

    [Fact]
    public async Task A_draft_beside_an_open_case_of_the_same_category_is_offered_as_its_duplicate_with_the_detectors_reasons()
    {
        var subDistrict = Runtime.District.SubDistricts[1];
        var report = new TicketReport("N-CASE", TicketChannel.Hotline12345, "noise", "工地夜间施工噪声扰民", NoiseText, subDistrict.Anchor, "测试地址", null,
            new Reporter("李四", "13800001111"), Runtime.Clock.GetUtcNow());
        Assert.True((await Runtime.Commands.SubmitAsync(new ReportTicketCommand(report))).Accepted);
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find("[data-ticket='N-CASE']")), TimeSpan.FromSeconds(10));
        await PressAsync(console, "n");
        console.WaitForAssertion(() => Assert.NotNull(console.Find("[data-new-case]")));

        await ChooseAsync(console, Runtime.Catalogue.Find("noise")!);
        await ChooseAsync(console, new DeskPlace(subDistrict, null));
        Assert.Empty(console.FindAll("[data-duplicate-suggestion]"));
        await console.InvokeAsync(() => console.Find("[data-field='description']").Input("工地晚上施工噪声很大"));

        console.WaitForAssertion(() =>
        {
            var suggestion = console.Find("[data-duplicate-suggestion]");
            Assert.Equal("N-CASE", suggestion.GetAttribute("data-duplicate-suggestion"));
            Assert.Contains("N-CASE", suggestion.TextContent);
            Assert.Contains("同类事项（噪声扰民）", suggestion.TextContent);
            Assert.Contains("相距0米", suggestion.TextContent);
        });

        // Another category far from it in meaning is nothing like it.
        await ChooseAsync(console, Runtime.Catalogue.Find("street-light")!);
        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-duplicate-suggestion]")));
    }

    [Fact]
    public async Task A_point_clicked_on_the_forms_map_places_the_case_there_in_the_streets_it_lies_in()
    {
        var nearby = new TicketReport("M-OPEN", TicketChannel.Hotline12345, "noise", "工地夜间施工噪声扰民", NoiseText, Anchor(4), "测试地址", null,
            new Reporter("李四", "13800001111"), Runtime.Clock.GetUtcNow());
        Assert.True((await Runtime.Commands.SubmitAsync(new ReportTicketCommand(nearby))).Accepted);
        await using var ctx = ConsoleContext.Create(App.Services);
        var console = ctx.Render<ConsolePage>();
        console.WaitForAssertion(() => Assert.NotNull(console.Find("[data-queue]")), TimeSpan.FromSeconds(10));
        await PressAsync(console, "n");
        console.WaitForAssertion(() => Assert.NotNull(console.Find("[data-place-map]")));

        // The map shows the open cases around; a click outside Putuo is refused with a reason.
        var shown = ctx.JSInterop.VerifyInvoke("pick");
        Assert.Contains("M-OPEN", System.Text.Json.JsonSerializer.Serialize(shown.Arguments[2]));
        var map = console.FindComponent<DeskPlaceMap>();
        await console.InvokeAsync(() => map.Instance.OnPicked(121.60, 31.10));
        console.WaitForAssertion(() => Assert.Equal("所点位置不在普陀区内，请在区内选点。", console.Find("[data-problem='place']").TextContent));

        var subDistrict = Runtime.District.SubDistricts[4];
        var point = new GeoPoint(subDistrict.Boundary.InteriorPoint.X + 0.0005, subDistrict.Boundary.InteriorPoint.Y);
        Assert.Equal(subDistrict.Code, Runtime.District.SubDistrictAt(point)?.Code);
        await console.InvokeAsync(() => map.Instance.OnPicked(point.Lon, point.Lat));
        await ChooseAsync(console, Runtime.Catalogue.Find("street-light")!);
        await console.InvokeAsync(() => console.Find("[data-field='description']").Input("小区门口路灯晚上不亮"));
        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-problem='place']")));
        ctx.JSInterop.VerifyInvoke("mark");
        await console.InvokeAsync(() => console.Find("form.new-case").Submit());

        console.WaitForAssertion(() => Assert.Empty(console.FindAll("[data-new-case]")), TimeSpan.FromSeconds(10));
        var filed = Assert.Single(Runtime.Queries.Current.Tickets, t => t.Channel == TicketChannel.DeskCall);
        Assert.Equal((subDistrict.Code, point), (filed.SubDistrictCode, filed.Location));

        // With no address typed it is filed under the 街镇's Chinese name (the record), and an English page shows its English name.
        Assert.Equal(subDistrict.Name, filed.Address);
        using (UiLanguage.English())
        {
            var details = ctx.Render<TicketDetails>(p => p.Add(x => x.Ticket, filed));
            Assert.Equal(subDistrict.NameEn, details.Find("[data-address]").TextContent);
        }

        using (UiLanguage.Chinese())
        {
            Assert.Equal(subDistrict.Name, ctx.Render<TicketDetails>(p => p.Add(x => x.Ticket, filed)).Find("[data-address]").TextContent);
        }
    }

    private GeoPoint Anchor(int subDistrict) => Runtime.District.SubDistricts[subDistrict].Anchor;

    private static Task PressAsync(IRenderedComponent<ConsolePage> console, string key) =>
        console.InvokeAsync(() => console.FindComponent<ConsoleKeyboard>().Instance.OnShortcut(key));

    private static Task ChooseAsync<T>(IRenderedComponent<ConsolePage> console, T value)
    {
        var picker = console.FindComponent<MudAutocomplete<T>>();
        return console.InvokeAsync(() => picker.Instance.SelectOptionAsync(value));
    }

    private long CountRows(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
