using System.Security.Claims;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Data.Boundary;
using Twin.Domain.Organisations;
using Twin.Domain.Time;

namespace CommandCenter.Components.Admin;

/// <summary>Account and wall-device administration; every change goes through <see cref="AccountAdministration"/>, which audits it.</summary>
public sealed partial class UsersPage
{
    private IReadOnlyList<AccountView> _accounts = [];
    private IReadOnlyList<WallDeviceView> _devices = [];
    private string? _newUserName;
    private string? _newDisplayName;
    private string _newRole = Roles.Officer;
    private string _newOrganisation = Organisation.CentreId;
    private string? _wallName;
    private string _wallOrganisation = Organisation.CentreId;
    private string? _message;
    private bool _failed;
    private string? _secret;
    private string? _secretLabel;

    // Counts the answers shown: the organisation selects are made afresh after each, so a refused
    // choice shows the stored organisation again (an unchanged value would leave the browser's choice up).
    private int _shown;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private AccountAdministration Admin { get; set; } = default!;

    [Inject]
    private ITwinOrganisations Organisations { get; set; } = default!;

    [Inject]
    private ClientOrigin Origin { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private Microsoft.Extensions.Options.IOptions<CommandCenter.Configuration.SecurityOptions> Security { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task<ClaimsPrincipal> UserAsync() => (await AuthenticationState).User;

    private async Task ReloadAsync()
    {
        var user = await UserAsync();
        _accounts = await Admin.ListAsync(user);
        _devices = await Admin.ListDevicesAsync(user);
    }

    private async Task CreateAsync()
    {
        var name = _newUserName ?? string.Empty;
        var result = await Admin.CreateAsync(await UserAsync(), Origin.Current, name, _newDisplayName ?? name, _newRole, _newOrganisation);
        await ShowAsync(result, AdminText.Created(name), name + AdminText.OneTimePassword);
        if (result.Succeeded)
        {
            _newUserName = _newDisplayName = null;
        }
    }

    private async Task SetDisabledAsync(AccountView account, bool disabled) =>
        await ShowAsync(await Admin.SetDisabledAsync(await UserAsync(), Origin.Current, account.Id, disabled),
            disabled ? AdminText.Disabled(account.UserName) : AdminText.Enabled(account.UserName));

    private async Task SetRoleAsync(AccountView account, string? role) =>
        await ShowAsync(await Admin.SetRoleAsync(await UserAsync(), Origin.Current, account.Id, role ?? string.Empty),
            AdminText.RoleChanged(account.UserName, Roles.Name(role ?? string.Empty)));

    private async Task SetOrganisationAsync(AccountView account, string? organisationId) =>
        await ShowAsync(await Admin.SetOrganisationAsync(await UserAsync(), Origin.Current, account.Id, organisationId ?? string.Empty),
            AdminText.OrganisationChanged(account.UserName, OrganisationName(organisationId)));

    private async Task SetDeviceOrganisationAsync(WallDeviceView device, string? organisationId) =>
        await ShowAsync(await Admin.SetDeviceOrganisationAsync(await UserAsync(), Origin.Current, device.Id, organisationId ?? string.Empty),
            AdminText.WallOrganisationChanged(device.Name, OrganisationName(organisationId)));

    private async Task ResetAsync(AccountView account) =>
        await ShowAsync(await Admin.ResetPasswordAsync(await UserAsync(), Origin.Current, account.Id),
            AdminText.PasswordReset(account.UserName), account.UserName + AdminText.OneTimePassword);

    private async Task IssueAsync()
    {
        var result = await Admin.IssueDeviceAsync(await UserAsync(), Origin.Current, _wallName ?? string.Empty, _wallOrganisation);
        if (result.Succeeded)
        {
            _wallName = null;
        }

        await ShowAsync(AsLink(result), AdminText.IssuedDone, AdminText.PairingLink(Security.Value.PairingLinkMinutes));
    }

    private async Task RotateAsync(WallDeviceView device) =>
        await ShowAsync(AsLink(await Admin.RotateDeviceAsync(await UserAsync(), Origin.Current, device.Id)), AdminText.RotatedDevice(device.Name), AdminText.PairingLink(Security.Value.PairingLinkMinutes));

    private AdminResult AsLink(AdminResult result) => result.OneTimeSecret is { } token
        ? result with { OneTimeSecret = Navigation.ToAbsoluteUri($"{AccountEndpoints.PairPath}?token={token}").ToString() }
        : result;

    private async Task RevokeAsync(WallDeviceView device) =>
        await ShowAsync(await Admin.RevokeDeviceAsync(await UserAsync(), Origin.Current, device.Id), AdminText.RevokedDevice(device.Name));

    private async Task ShowAsync(AdminResult result, string success, string? secretLabel = null)
    {
        _failed = !result.Succeeded;
        _message = result.Succeeded ? success : result.Error;
        _secret = result.Succeeded ? result.OneTimeSecret : null;
        _secretLabel = secretLabel;
        _shown++;
        await ReloadAsync();
    }

    private string OrganisationName(string? id) =>
        Organisations.Find(id) is { } o ? Language.Current.Pick(o.NameZh, o.NameEn) : id ?? string.Empty;

    private static string State(AccountView a) =>
        a.Disabled ? AdminText.AccountDisabled : a.LockedOut ? AdminText.AccountLocked : a.MustChangePassword ? AdminText.MustChangePassword : AdminText.AccountActive;

    private static string Time(DateTimeOffset at) => ShanghaiClock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
