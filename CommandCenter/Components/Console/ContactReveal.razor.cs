using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// Shows a ticket's reporter masked (张* · 138****1234). Someone holding <see cref="Policies.RevealContact"/>
/// may reveal the real contact after stating a reason; the reveal is audited before it is shown,
/// lasts until hidden or another ticket is selected, and is never logged.
/// </summary>
public sealed partial class ContactReveal
{
    private Reporter? _contact;
    private bool _asking;
    private bool _busy;
    private bool _mayReveal;
    private string? _reason;
    private string? _refusal;
    private string? _shownFor;

    [Parameter, EditorRequired]
    public string TicketId { get; set; } = string.Empty;

    /// <summary>The masked form, e.g. "张* · 138****1234".</summary>
    [Parameter, EditorRequired]
    public string Masked { get; set; } = string.Empty;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private ContactRevealService Reveal { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private ClientOrigin Origin { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (_shownFor != TicketId)
        {
            _shownFor = TicketId;
            Hide();
        }

        _mayReveal = AuthenticationState is { } state && (await Authorization.AuthorizeAsync((await state).User, Policies.RevealContact)).Succeeded;
    }

    private async Task RevealAsync()
    {
        if (AuthenticationState is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Reveal.RevealAsync((await AuthenticationState).User, TicketId, _reason, Origin.Current);
            _contact = result.Contact;
            _refusal = result.Refusal;
            _asking = result.Contact is null;
        }
        finally
        {
            _busy = false;
        }
    }

    private void Hide()
    {
        _contact = null;
        _asking = false;
        _reason = null;
        _refusal = null;
    }
}
