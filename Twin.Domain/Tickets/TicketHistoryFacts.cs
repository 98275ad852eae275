namespace Twin.Domain.Tickets;

/// <summary>
/// The notes of the steps whose facts a ticket keeps beyond its status: who took the case over from
/// simulated staff (接手), which departments refused it (退单), and why it is a duplicate. Written
/// here and read back here, so a restart rebuilds those facts from the append-only history alone.
/// </summary>
public static class TicketHistoryFacts
{
    private const string ClaimMark = "人工接手";
    private const string RefusalMark = "退单（";
    private const string RefusalEnd = "认为非本部门职责）";

    /// <summary>The note of the step in which a person takes the case over (status unchanged).</summary>
    public static string ClaimNote(string by) => $"{ClaimMark}：{by}打开或处理了此案，模拟值班人员不再处理";

    public static string RefusalNote(string department, string reason) =>
        $"{RefusalMark}{department}{RefusalEnd}：{reason}，退回派单员重新派遣";

    public static bool IsClaim(TicketTransition step) =>
        step.From == step.To && step.Note?.StartsWith(ClaimMark, StringComparison.Ordinal) == true;

    /// <summary>The department a 退单 step names, or null for any other step.</summary>
    public static string? RefusingDepartment(TicketTransition step)
    {
        if (step is not { From: TicketStatus.Dispatched, To: TicketStatus.Filed, Note: { } note } || !note.StartsWith(RefusalMark, StringComparison.Ordinal))
        {
            return null;
        }

        var end = note.IndexOf(RefusalEnd, RefusalMark.Length, StringComparison.Ordinal);
        return end > RefusalMark.Length ? note[RefusalMark.Length..end] : null;
    }

    /// <summary>
    /// The ticket as stored, with the facts its history holds: the claim, the refusing departments,
    /// and the duplicate explanation (the note of the merge, or of the report for an offered candidate).
    /// </summary>
    public static TicketState Rebuild(TicketState ticket, IEnumerable<TicketTransition> history)
    {
        string? claimedBy = null;
        string? explanation = null;
        var refused = new List<string>();
        foreach (var step in history)
        {
            if (IsClaim(step))
            {
                claimedBy ??= step.Actor;
            }
            else if (RefusingDepartment(step) is { } department && !refused.Contains(department))
            {
                refused.Add(department);
            }
            else if (step.To == TicketStatus.Merged || (step.From is null && ticket.PossibleDuplicateOf is not null))
            {
                explanation = step.Note;
            }
        }

        return ticket with
        {
            ClaimedBy = claimedBy,
            RefusedDepartments = string.Join(TicketState.DepartmentSeparator, refused),
            DuplicateExplanation = ticket.MergedIntoId is not null || ticket.PossibleDuplicateOf is not null ? explanation : null,
        };
    }
}
