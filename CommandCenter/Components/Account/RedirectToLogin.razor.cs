using CommandCenter.Audit;
using CommandCenter.Localization;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Data.Audit;

namespace CommandCenter.Components.Account;

/// <summary>
/// What a live page shows when its user may not see it: the login page (a full reload, which ends
/// the circuit) when nobody is signed in any more, saying why the session ended (idle, 12 hours,
/// signed out elsewhere, account disabled) in the page's language; the password page for a one-time password, or
/// "access denied", audited, for a signed-in user without the role.
/// </summary>
public sealed partial class RedirectToLogin
{
    private bool _forbidden;

    /// <summary>Set once the page is on its way out: a second render must not send it again from the sign-in URL (losing where to return).</summary>
    private bool _leaving;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private AuditTrail Audit { get; set; } = default!;

    [Inject]
    private AuthenticationStateProvider Sessions { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_leaving)
        {
            return;
        }

        var user = (await AuthenticationState).User;
        var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        if (user.Identity?.IsAuthenticated != true)
        {
            var end = (Sessions as SessionAuthenticationStateProvider)?.EndReason ?? SessionEnd.None;
            var english = Language.Current == Lang.En;
            _leaving = true;
            Navigation.NavigateTo(AccountEndpoints.LoginUrl(here, end, english), forceLoad: true);
            return;
        }

        if (user.HasClaim(c => c.Type == AccountService.MustChangeClaim))
        {
            _leaving = true;
            Navigation.NavigateTo($"{AccountEndpoints.PasswordPath}?returnUrl={Uri.EscapeDataString(here)}", forceLoad: true);
            return;
        }

        _forbidden = true;
        Audit.Record(user, AuditActions.Forbidden, here, AuditOutcome.Denied, "page", AuditOrigin.None);
    }
}
