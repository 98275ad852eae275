using System.Security.Claims;
using CommandCenter.Audit;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// Shows a ticket's reporter masked (张* · 138****1234). Someone holding <see cref="Security.Policies.RevealContact"/>
/// may reveal the real contact after stating a reason; the reveal is audited before it is shown,
/// lasts until hidden or another ticket is selected, and is never logged.
/// </summary>
public sealed partial class ContactReveal : RevealControl<Reporter>
{
    [Parameter, EditorRequired]
    public string TicketId { get; set; } = string.Empty;

    /// <summary>The masked form, e.g. "张* · 138****1234".</summary>
    [Parameter, EditorRequired]
    public string Masked { get; set; } = string.Empty;

    protected override string ContactKey => TicketId;

    protected override async Task<(Reporter? Revealed, string? Refusal)> RevealAsync(ClaimsPrincipal user, string? reason, AuditOrigin origin)
    {
        var result = await Reveal.RevealAsync(user, TicketId, reason, origin);
        return (result.Contact, result.Refusal);
    }
}
