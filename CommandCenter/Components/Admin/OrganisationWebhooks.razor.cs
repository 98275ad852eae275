using CommandCenter.Localization;
using CommandCenter.Notifications;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Data.Boundary;
using Twin.Domain.Organisations;

namespace CommandCenter.Components.Admin;

/// <summary>
/// The organisation admin page's webhook part: every change goes through <see cref="WebhookAdministration"/>,
/// which audits it and encrypts the URL and secret; the form never holds a stored URL or secret, so
/// an edit shows blanks that keep them.
/// </summary>
public sealed partial class OrganisationWebhooks
{
    private IReadOnlyList<WebhookView> _hooks = [];
    private readonly HashSet<NotificationKind> _kinds = [];
    private string? _editing;
    private string _organisation = Organisation.CentreId;
    private string? _name;
    private WebhookFormat _format = WebhookFormat.Generic;
    private string? _url;
    private string? _secret;
    private bool _clearSecret;
    private string? _message;
    private bool _failed;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private WebhookAdministration Admin { get; set; } = default!;

    [Inject]
    private ITwinOrganisations Organisations { get; set; } = default!;

    [Inject]
    private ClientOrigin Origin { get; set; } = default!;

    protected override async Task OnInitializedAsync() => _hooks = await Admin.ListAsync((await AuthenticationState).User);

    private void Toggle(NotificationKind kind, bool on)
    {
        if (on)
        {
            _kinds.Add(kind);
        }
        else
        {
            _kinds.Remove(kind);
        }
    }

    private void Edit(WebhookView hook)
    {
        Reset();
        (_editing, _organisation, _name, _format) = (hook.Id, hook.OrganisationId, hook.Name, hook.Format);
        _kinds.UnionWith(hook.Kinds);
    }

    private void Reset()
    {
        (_editing, _organisation, _name, _format, _url, _secret, _clearSecret) = (null, Organisation.CentreId, null, WebhookFormat.Generic, null, null, false);
        _kinds.Clear();
    }

    private async Task SaveAsync()
    {
        var name = _name ?? string.Empty;
        var edit = new WebhookEdit(_editing, _organisation, name, _format, [.. _kinds], _url, _secret, _clearSecret);
        var result = await Admin.SaveAsync((await AuthenticationState).User, Origin.Current, edit);
        _secret = null;
        if (result.Succeeded)
        {
            Reset();
        }

        await ShowAsync(result, NotificationText.Saved(name.Trim()));
    }

    private async Task DeleteAsync(WebhookView hook) =>
        await ShowAsync(await Admin.DeleteAsync((await AuthenticationState).User, Origin.Current, hook.Id), NotificationText.Deleted(hook.Name));

    private async Task ShowAsync(AdminResult result, string success)
    {
        (_failed, _message) = (!result.Succeeded, result.Succeeded ? success : result.Error);
        _hooks = await Admin.ListAsync((await AuthenticationState).User);
    }

    private string OrganisationName(string id) =>
        Organisations.Find(id) is { } o ? Language.Current.Pick(o.NameZh, o.NameEn) : id;

    private static string KindsText(IReadOnlyList<NotificationKind> kinds) =>
        kinds.Count == 0 ? NotificationText.AllKinds : string.Join("、", kinds.Select(NotificationText.KindName));
}
