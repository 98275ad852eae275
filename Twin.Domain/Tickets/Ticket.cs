using Twin.Domain.Geography;

namespace Twin.Domain.Tickets;

/// <summary>
/// The reporter as stored. Only <see cref="Privacy.PersonalDataMask"/> forms are ever displayed.
/// <see cref="Statement"/> is the report's own title and description as written, kept only when
/// <see cref="Privacy.FreeTextMask"/> had something to mask in them.
/// </summary>
public sealed record Reporter(string? Name, string? Phone, string? Statement = null)
{
    /// <summary>What every channel accepts as a phone number: digits, spaces, +, - and brackets.</summary>
    public static bool IsPhoneNumber(string phone) =>
        phone.Any(char.IsAsciiDigit) && phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')');

    /// <summary>The unmasked title and description when masking changed them, else null.</summary>
    public static string? StatementOf(TicketReport report)
    {
        var title = report.Title?.Trim() ?? string.Empty;
        var description = report.Description?.Trim() ?? string.Empty;
        return Privacy.FreeTextMask.Mask(title) == title && Privacy.FreeTextMask.Mask(description) == description
            ? null
            : title + "\n" + description;
    }
}

/// <summary>A new ticket as it arrives from a channel, before the engine accepts it.</summary>
public sealed record TicketReport(
    string Id,
    TicketChannel Channel,
    string CategoryCode,
    string Title,
    string Description,
    GeoPoint Location,
    string Address,
    string? NeighbourhoodCode,
    Reporter Reporter,
    DateTimeOffset ReportedAt,
    TicketPriority? Priority = null)
{
    /// <summary>A report's title: the first line of what the citizen said (cut at 40 characters), else the category's name.</summary>
    public static string TitleFrom(string description, string categoryName)
    {
        var firstLine = description.Split('\n', 2)[0].Trim();
        if (firstLine.Length == 0)
        {
            return categoryName;
        }

        return firstLine.Length <= 40 ? firstLine : firstLine[..40] + "…";
    }
}

/// <summary>A ticket as the engine holds it: the reporter is already masked.</summary>
public sealed record TicketState(
    string Id,
    TicketChannel Channel,
    string CategoryCode,
    string Title,
    string Description,
    GeoPoint Location,
    string Address,
    string SubDistrictCode,
    string? NeighbourhoodCode,
    string ReporterMasked,
    string PhoneMasked,
    TicketPriority Priority,
    TicketStatus Status,
    bool InCorridor,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? ClosedAt,
    string? Department = null,
    string CoordinatingDepartments = "",
    int SupervisionLevel = 0,
    DateTimeOffset? StepDueAt = null,
    int OverdueSteps = 0,
    int ReopenedCount = 0,
    string? MergedIntoId = null,
    int DuplicatesCount = 0,
    string? PossibleDuplicateOf = null,
    bool? Satisfied = null,
    string? ClaimedBy = null,
    string RefusedDepartments = "",
    string? DuplicateExplanation = null,
    string? SourceAlarmId = null)
{
    /// <summary>Separates <see cref="CoordinatingDepartments"/>; a string keeps the record's value equality.</summary>
    public const char DepartmentSeparator = '、';

    public IReadOnlyList<string> CoordinatingDepartmentList =>
        CoordinatingDepartments.Length == 0 ? [] : CoordinatingDepartments.Split(DepartmentSeparator);

    /// <summary>Departments that refused the case (退单), in order; dispatch by the responsibility list skips them.</summary>
    public IReadOnlyList<string> RefusedDepartmentList =>
        RefusedDepartments.Length == 0 ? [] : RefusedDepartments.Split(DepartmentSeparator);

    /// <summary>A person opened or acted on the case (<see cref="ClaimedBy"/>): simulated staff leave it alone.</summary>
    public bool IsClaimed => ClaimedBy is not null;
}

/// <summary>One step of a ticket's append-only history.</summary>
public sealed record TicketTransition(
    string TicketId,
    TicketStatus? From,
    TicketStatus To,
    DateTimeOffset At,
    string Actor,
    string? Note);
