using CommandCenter.Configuration;
using CommandCenter.Localization;
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

    [Inject]
    private IOptions<SecurityOptions> Security { get; set; } = default!;

    private static Lang L => Language.Current;

    private string LangLink => $"/account/login?lang={(L == Lang.En ? "zh" : "en")}&returnUrl={Uri.EscapeDataString(ReturnUrl ?? "/")}"
        + (string.IsNullOrEmpty(Error) ? "" : "&error=" + Uri.EscapeDataString(Error));

    private string? Message => Error switch
    {
        // One answer for an unknown name, a wrong password and a locked account (no enumeration).
        "invalid" => AccountText.Invalid,
        "throttled" => AccountText.Throttled,
        "loggedout" => AccountText.LoggedOut,
        "idle" => AccountText.Idle(Security.Value.IdleTimeoutMinutes),
        "expired" => AccountText.Expired(Security.Value.AbsoluteTimeoutHours),
        "ended" => AccountText.Ended,
        "revoked" => AccountText.Revoked,
        "form" => AccountText.FormExpired,
        null or "" => null,
        _ => AccountText.SignInAgain,
    };
}
