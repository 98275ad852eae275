using System.Security.Claims;
using CommandCenter.Audit;
using Microsoft.AspNetCore.Authorization;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Domain.Tickets;

namespace CommandCenter.Security;

public sealed record RevealResult(Reporter? Contact, string? Refusal);

/// <summary>
/// Reveals one ticket's reporter contact to an authorised person who states a reason (PIPL: need
/// to know). The reveal is committed to the audit log before the contact is returned; if the
/// audit cannot be written, nothing is revealed. The contact is never logged.
/// </summary>
public sealed class ContactRevealService(ITwinQueries queries, IAuthorizationService authorization, AuditTrail audit)
{
    public const int MinimumReasonLength = 4;

    public async Task<RevealResult> RevealAsync(ClaimsPrincipal user, string ticketId, string? reason, AuditOrigin origin, CancellationToken ct = default)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.RevealContact)).Succeeded)
        {
            await audit.WriteAsync(audit.Entry(user, AuditActions.ContactRevealed, ticketId, AuditOutcome.Denied, null, origin), ct);
            return new(null, "无权查看联系方式 · Not allowed to see contact details.");
        }

        var why = reason?.Trim() ?? string.Empty;
        if (why.Length < MinimumReasonLength)
        {
            return new(null, $"请说明查看原因（至少 {MinimumReasonLength} 个字）· State a reason.");
        }

        await audit.WriteAsync(audit.Entry(user, AuditActions.ContactRevealed, ticketId, AuditOutcome.Success, "reason: " + why, origin), ct);
        var contact = await queries.GetReporterContactAsync(ticketId, ct);
        return contact is null ? new(null, "工单不存在 · No such ticket.") : new(contact, null);
    }
}
