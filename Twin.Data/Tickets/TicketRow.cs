using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace Twin.Data.Tickets;

/// <summary>
/// A ticket's current state. The raw reporter name and phone are kept for call-backs and audits
/// and are never read into <see cref="TicketState"/>, which carries only the masked forms.
/// </summary>
public sealed class TicketRow
{
    public required string Id { get; set; }

    public TicketChannel Channel { get; set; }

    public required string CategoryCode { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public double Lon { get; set; }

    public double Lat { get; set; }

    public required string Address { get; set; }

    public required string SubDistrictCode { get; set; }

    public string? NeighbourhoodCode { get; set; }

    public required string ReporterMasked { get; set; }

    public required string PhoneMasked { get; set; }

    public string? ReporterName { get; set; }

    public string? ReporterPhone { get; set; }

    /// <summary>The report's title and description as written, encrypted; only when they carried personal data.</summary>
    public string? ReporterStatement { get; set; }

    public TicketPriority Priority { get; set; }

    public TicketStatus Status { get; set; }

    public bool InCorridor { get; set; }

    public DateTimeOffset ReportedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? Department { get; set; }

    /// <summary>Joined with <see cref="TicketState.DepartmentSeparator"/>, as the engine holds them.</summary>
    public string CoordinatingDepartments { get; set; } = string.Empty;

    public int SupervisionLevel { get; set; }

    public DateTimeOffset? StepDueAt { get; set; }

    public int OverdueSteps { get; set; }

    public int ReopenedCount { get; set; }

    public string? MergedIntoId { get; set; }

    public int DuplicatesCount { get; set; }

    public string? PossibleDuplicateOf { get; set; }

    public bool? Satisfied { get; set; }

    /// <summary>The alarm the ticket was filed from (自动发现), null for every other channel's report.</summary>
    public string? SourceAlarmId { get; set; }

    public TicketState ToState() => new(
        Id,
        Channel,
        CategoryCode,
        Title,
        Description,
        new GeoPoint(Lon, Lat),
        Address,
        SubDistrictCode,
        NeighbourhoodCode,
        ReporterMasked,
        PhoneMasked,
        Priority,
        Status,
        InCorridor,
        ReportedAt,
        UpdatedAt,
        DispatchedAt,
        ClosedAt,
        Department,
        CoordinatingDepartments,
        SupervisionLevel,
        StepDueAt,
        OverdueSteps,
        ReopenedCount,
        MergedIntoId,
        DuplicatesCount,
        PossibleDuplicateOf,
        Satisfied,
        SourceAlarmId: SourceAlarmId);
}
