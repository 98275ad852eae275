using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;

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

    private Lang L => LangExtensions.Parse(LangQuery);

    private string LangLink => $"/account/login?lang={(L == Lang.En ? "zh" : "en")}&returnUrl={Uri.EscapeDataString(ReturnUrl ?? "/")}";

    private string? Message => Error switch
    {
        "invalid" => L.Pick("用户名或密码错误。", "Wrong user name or password."),
        "lockedout" => L.Pick("登录失败次数过多，账号已锁定，请稍后再试或联系管理员。", "Too many failed attempts: the account is locked. Try later or ask an administrator."),
        "throttled" => L.Pick("尝试过于频繁，请一分钟后再试。", "Too many attempts; try again in a minute."),
        "loggedout" => L.Pick("已退出登录。", "You have signed out."),
        null or "" => null,
        _ => L.Pick("请重新登录。", "Please sign in again."),
    };
}
