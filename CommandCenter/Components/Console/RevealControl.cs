using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommandCenter.Components.Console;

/// <summary>
/// What every masked contact on the console shares: offered only to whoever holds
/// <see cref="Policies.RevealContact"/>, revealed after a stated reason through
/// <see cref="ContactRevealService"/> (which audits first), hidden again on request or when the
/// control is given another contact to show.
/// </summary>
public abstract class RevealControl<TRevealed> : ComponentBase
    where TRevealed : class
{
    private string? _shownFor;

    protected TRevealed? Revealed { get; private set; }

    protected bool Asking { get; set; }

    protected bool Busy { get; private set; }

    protected bool MayReveal { get; private set; }

    protected string? Reason { get; set; }

    protected string? Refusal { get; private set; }

    /// <summary>Which contact is shown; when it changes, a reveal of the previous one is hidden.</summary>
    protected abstract string ContactKey { get; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    protected ContactRevealService Reveal { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private ClientOrigin Origin { get; set; } = default!;

    /// <summary>Asks the service for the contact; null with the refusal when it is not given.</summary>
    protected abstract Task<(TRevealed? Revealed, string? Refusal)> RevealAsync(ClaimsPrincipal user, string? reason, AuditOrigin origin);

    protected override async Task OnParametersSetAsync()
    {
        if (_shownFor != ContactKey)
        {
            _shownFor = ContactKey;
            Hide();
        }

        MayReveal = AuthenticationState is { } state && (await Authorization.AuthorizeAsync((await state).User, Policies.RevealContact)).Succeeded;
    }

    protected async Task ConfirmAsync()
    {
        if (AuthenticationState is null)
        {
            return;
        }

        Busy = true;
        try
        {
            (Revealed, Refusal) = await RevealAsync((await AuthenticationState).User, Reason, Origin.Current);
            Asking = Revealed is null;
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Hide()
    {
        Revealed = null;
        Asking = false;
        Reason = null;
        Refusal = null;
    }
}
