using Bunit;
using CommandCenter.Components.Map;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using MudBlazor.Services;

namespace CommandCenter.Tests.Localization;

/// <summary>
/// Chinese by default, English when asked, and the choice remembered from page to page. The tests
/// share one app (a class fixture): they only read pages, each with its own client and cookies, so
/// one start-up serves all fourteen instead of one each.
/// </summary>
public sealed class LanguageTests(TwinAppFactory app) : IClassFixture<TwinAppFactory>
{
    private readonly TwinAppFactory _app = app;

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

    [Theory]
    [InlineData(Roles.Wall, "/", "普陀区城市运行数字孪生", "Putuo City Operations Twin")]
    [InlineData(Roles.Officer, "/console", "值班台 · 普陀区城市运行数字孪生", "Duty desk · Putuo City Operations Twin")]
    [InlineData(Roles.Admin, "/admin/users", "账号与大屏", "Accounts and walls")]
    [InlineData(Roles.Admin, "/admin/audit", "审计日志", "Audit log")]
    [InlineData(Roles.Admin, "/admin/sensors", "传感器阈值", "Sensor levels")]
    [InlineData(Roles.Admin, "/admin/notifications", "通知失败列表", "Failed notifications")]
    [InlineData(Roles.Officer, "/account/password", "修改密码", "Change password")]
    [InlineData(Roles.Officer, "/account/denied", "无权访问", "Access denied")]
    [InlineData(Roles.Officer, "/not-found", "页面不存在", "Not found")]
    [InlineData(Roles.Officer, "/Error", "出错了", "Error")]
    public async Task Every_pages_title_follows_the_language(string role, string path, string chinese, string english)
    {
        using var signedIn = await _app.SignInAsync(role);

        Assert.Equal(chinese, Title(await signedIn.Client.GetStringAsync(path + "?lang=zh")));
        Assert.Equal(english, Title(await signedIn.Client.GetStringAsync(path + "?lang=en")));
    }

    [Fact]
    public async Task The_sign_in_pages_title_follows_the_language()
    {
        using var anonymous = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        Assert.Equal("登录 · 普陀区城市运行数字孪生", Title(await anonymous.GetStringAsync("/account/login?lang=zh")));
        Assert.Equal("Sign in · CityOps Twin · Putuo", Title(await anonymous.GetStringAsync("/account/login?lang=en")));
    }

    private static string Title(string page) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<title>(.*?)</title>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value);
}
