using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Officers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Data.Audit;
using Twin.Domain.Organisations;

namespace CommandCenter.Security;

/// <summary>
/// The console's officer is the signed-in person: histories record "姓名（账号）", so each step
/// names an account the audit log can follow. Acting on tickets and alarms needs
/// <see cref="Policies.ActOnTickets"/>; a leader sees the console but is refused, audited, by
/// <see cref="OfficerCommands"/>.
/// </summary>
public sealed class SignedInOfficer(AuthenticationStateProvider state, IAuthorizationService authorization, AuditTrail audit, ClientOrigin origin, SignedInScope scopes)
    : IOfficerIdentity
{
    public async Task<Officer> GetCurrentAsync(CancellationToken ct = default)
    {
        var name = NameOf(await UserAsync());
        return new Officer(name, name);
    }

    /// <summary>How histories name <paramref name="user"/>: "姓名（账号）", or the account alone.</summary>
    public static string NameOf(ClaimsPrincipal user)
    {
        var account = user.Identity?.Name ?? "anonymous";
        var display = user.FindFirstValue(TwinClaims.DisplayName);
        return string.IsNullOrWhiteSpace(display) || display == account ? account : $"{display}（{account}）";
    }

    /// <summary>What the signed-in person's organisation and role let them see and do; asked once per circuit.</summary>
    public async Task<AccessScope> GetScopeAsync(CancellationToken ct = default) => _scope ??= await scopes.OfAsync(await UserAsync(), ct);

    private AccessScope? _scope;

    /// <summary>Whether the signed-in person may act on tickets and alarms, so a page offers only what they may do.</summary>
    public async Task<bool> MayActAsync() => (await authorization.AuthorizeAsync(await UserAsync(), Policies.ActOnTickets)).Succeeded;

    /// <summary>Audits an action the signed-in person was refused (see <see cref="OfficerCommands"/>).</summary>
    public async Task RecordRefusalAsync(string action, string target) =>
        audit.Record(await UserAsync(), AuditActions.Forbidden, target, AuditOutcome.Denied, action, origin.Current);

    private async Task<ClaimsPrincipal> UserAsync() => (await state.GetAuthenticationStateAsync()).User;
}
