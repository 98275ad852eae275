using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Authorization;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;
using Twin.Domain.Tickets;

namespace CommandCenter.Security;

public sealed record RevealResult(Reporter? Contact, string? Refusal);

/// <summary>A duty roster phone shown in full, or why not.</summary>
public sealed record PhoneRevealResult(string? Phone, string? Refusal);

/// <summary>
/// Reveals one ticket's reporter contact, or one duty roster phone (a person on duty or a
/// department's duty room), to an authorised person who states a reason (PIPL: need to know).
/// The reveal is committed to the audit log before anything is returned; if the audit cannot be
/// written, nothing is revealed. Nothing revealed is ever logged.
/// </summary>
public sealed class ContactRevealService(ITwinQueries queries, DutyRoster roster, IAuthorizationService authorization, AuditTrail audit)
{
    public const int MinimumReasonLength = 4;

    /// <summary>The audit target of a roster phone, so the log says whose number was read.</summary>
    public const string DutyTargetPrefix = "duty:";

    public async Task<RevealResult> RevealAsync(ClaimsPrincipal user, string ticketId, string? reason, AuditOrigin origin, CancellationToken ct = default)
    {
        if (await RefusalAsync(user, ticketId, reason, origin, ct) is { } refusal)
        {
            return new(null, refusal);
        }

        var contact = await queries.GetReporterContactAsync(ticketId, ct);
        return contact is null ? new(null, Language.Current.Pick("工单不存在", "No such ticket.")) : new(contact, null);
    }

    /// <summary>
    /// A roster phone in full: <paramref name="personIdOrDepartment"/> is a person's id (P-…) or a
    /// department's name as the roster and the plans' checklists write it.
    /// </summary>
    public async Task<PhoneRevealResult> RevealDutyPhoneAsync(ClaimsPrincipal user, string personIdOrDepartment, string? reason, AuditOrigin origin, CancellationToken ct = default)
    {
        if (await RefusalAsync(user, DutyTargetPrefix + personIdOrDepartment, reason, origin, ct) is { } refusal)
        {
            return new(null, refusal);
        }

        var phone = roster.RevealPhone(personIdOrDepartment);
        return phone is null ? new(null, Language.Current.Pick("值班表中无此联系人", "Not on the duty roster.")) : new(phone, null);
    }

    /// <summary>Null when the reveal may go ahead and its audit row is written; else why not (a denial is audited too).</summary>
    private async Task<string?> RefusalAsync(ClaimsPrincipal user, string target, string? reason, AuditOrigin origin, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, Policies.RevealContact)).Succeeded)
        {
            await audit.WriteAsync(audit.Entry(user, AuditActions.ContactRevealed, target, AuditOutcome.Denied, null, origin), ct);
            return Language.Current.Pick("无权查看联系方式", "Not allowed to see contact details.");
        }

        var why = reason?.Trim() ?? string.Empty;
        if (why.Length < MinimumReasonLength)
        {
            return Language.Current.Pick($"请说明查看原因（至少 {MinimumReasonLength} 个字）", $"State a reason (at least {MinimumReasonLength} characters).");
        }

        await audit.WriteAsync(audit.Entry(user, AuditActions.ContactRevealed, target, AuditOutcome.Success, "reason: " + why, origin), ct);
        return null;
    }
}
