using Bunit;
using CommandCenter.Components.Map;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using MudBlazor.Services;

namespace CommandCenter.Tests.Localization;

/// <summary>Chinese by default, English when asked, and the choice remembered from page to page.</summary>
public sealed class LanguageTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_admin_pages_speak_Chinese_by_default_then_English_once_asked_and_remember_it_across_requests()
    {
        using var admin = await _app.SignInAsync(Roles.Admin);

        var chinese = await admin.Client.GetStringAsync("/admin/users");
        Assert.Contains("<html lang=\"zh-CN\">", chinese);
        Assert.Contains("账号与大屏", chinese);
        Assert.DoesNotContain("Accounts and walls", chinese);

        var asked = await admin.Client.GetAsync("/admin/users?lang=en");
        Assert.Contains(asked.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        var english = await asked.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Accounts and walls", english);
        Assert.DoesNotContain("账号与大屏", english);

        // Another page, no ?lang=: the cookie remembers.
        var audit = await admin.Client.GetStringAsync("/admin/audit");
        Assert.Contains("<html lang=\"en\">", audit);
        Assert.Contains("Verify chain", audit);
        Assert.DoesNotContain("校验哈希链", audit);

        var back = await admin.Client.GetStringAsync("/admin/audit?lang=zh");
        Assert.Contains("<html lang=\"zh-CN\">", back);
        Assert.Contains("校验哈希链", back);
        Assert.Contains("<html lang=\"zh-CN\">", await admin.Client.GetStringAsync("/admin/users"));
    }

    [Fact]
    public async Task The_sign_in_page_and_the_wall_follow_the_culture_cookie_and_ignore_the_browsers_language()
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var chinese = await anonymous.GetStringAsync("/account/login");
        Assert.Contains("<html lang=\"zh-CN\">", chinese);
        Assert.Contains("用户名", chinese);

        using var remembered = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        remembered.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var english = await (await anonymous.SendAsync(remembered)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("User name", english);
        Assert.DoesNotContain("用户名", english);

        using var wall = await _app.SignInAsync(Roles.Wall);
        var wallChinese = await wall.Client.GetStringAsync("/");
        Assert.Contains("<html lang=\"zh-CN\">", wallChinese);
        var wallEnglish = await wall.Client.GetStringAsync("/?lang=en");
        Assert.Contains("<html lang=\"en\">", wallEnglish);
        Assert.Contains("City Operations Digital Twin", wallEnglish);
        Assert.Contains("<html lang=\"en\">", await wall.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_map_legend_renders_in_the_circuits_language()
    {
        foreach (var (english, tickets, status) in new[] { (false, "工单", "工单状态"), (true, "Tickets", "Ticket status") })
        {
            using var _ = english ? UiLanguage.English() : UiLanguage.Chinese();
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices();

            var legend = ctx.Render<MapLegend>();

            Assert.Equal(tickets, legend.Find("[data-layer-toggle='tickets']").TextContent.Trim());
            Assert.Contains(status, legend.Markup);
        }
    }
}
