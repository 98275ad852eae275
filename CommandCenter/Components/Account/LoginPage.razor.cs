using CommandCenter.Localization;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CommandCenter.Components.Account;

/// <summary>The sign-in form; it posts to <see cref="Security.AccountEndpoints"/>, which answers with a redirect.</summary>
public sealed partial class LoginPage
{
    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery(Name = "error")]
    public string? Error { get; set; }

    [SupplyParameterFromQuery(Name = "lang")]
    public string? LangQuery { get; set; }

    [Inject]
    private IOptions<SecurityOptions> Security { get; set; } = default!;

    private Lang L => LangExtensions.Parse(LangQuery);

    private string LangLink => $"/account/login?lang={(L == Lang.En ? "zh" : "en")}&returnUrl={Uri.EscapeDataString(ReturnUrl ?? "/")}"
        + (string.IsNullOrEmpty(Error) ? "" : "&error=" + Uri.EscapeDataString(Error));

    private string? Message => Error switch
    {
        // One answer for an unknown name, a wrong password and a locked account (no enumeration).
        "invalid" => L.Pick(
            $"用户名或密码错误。连续失败 {Security.Value.MaxFailedLogins} 次后账号将锁定 {Security.Value.LockoutMinutes} 分钟。",
            $"Wrong user name or password. After {Security.Value.MaxFailedLogins} failures an account is locked for {Security.Value.LockoutMinutes} minutes."),
        "throttled" => L.Pick("尝试过于频繁，请一分钟后再试。", "Too many attempts; try again in a minute."),
        "loggedout" => L.Pick("已退出登录。", "You have signed out."),
        "idle" => L.Pick($"{Security.Value.IdleTimeoutMinutes} 分钟无操作，已自动退出，请重新登录。", $"Signed out after {Security.Value.IdleTimeoutMinutes} minutes without activity. Please sign in again."),
        "expired" => L.Pick($"登录已满 {Security.Value.AbsoluteTimeoutHours} 小时，请重新登录。", $"Your sign-in reached its {Security.Value.AbsoluteTimeoutHours}-hour limit. Please sign in again."),
        "ended" => L.Pick("会话已被结束（账号被停用或变更），请重新登录。", "Your session was ended (account disabled or changed). Please sign in again."),
        "revoked" => L.Pick("此大屏的授权已被撤销，请联系管理员重新配对。", "This wall's pairing was revoked; ask an administrator for a new link."),
        "form" => L.Pick("登录页面已过期，请重新输入用户名和密码。", "The sign-in page had expired. Please enter your user name and password again."),
        null or "" => null,
        _ => L.Pick("请重新登录。", "Please sign in again."),
    };
}
