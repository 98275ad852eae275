using System.Security.Claims;
using CommandCenter.Audit;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// A person on duty or a department's duty room with the phone masked (139****0001). Whoever holds
/// <see cref="Security.Policies.RevealContact"/> may read the full number after stating a reason; the
/// reveal is audited before the number is shown and lasts until hidden or the contact shown here changes.
/// </summary>
public sealed partial class DutyContact : RevealControl<string>
{
    /// <summary>A person's roster id (P-…) or a department's name, as <see cref="Twin.Domain.Emergency.DutyRoster.RevealPhone"/> takes it.</summary>
    [Parameter, EditorRequired]
    public string Key { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public string Name { get; set; } = string.Empty;

    [Parameter, EditorRequired]
    public string Masked { get; set; } = string.Empty;

    protected override string ContactKey => Key;

    protected override async Task<(string? Revealed, string? Refusal)> RevealAsync(ClaimsPrincipal user, string? reason, AuditOrigin origin)
    {
        var result = await Reveal.RevealDutyPhoneAsync(user, Key, reason, origin);
        return (result.Phone, result.Refusal);
    }
}
