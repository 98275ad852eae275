using Twin.Domain.Briefing;

namespace CommandCenter.Briefing;

/// <summary>
/// One table of the briefing as text in one language: what the page's tables, the PDF and the
/// XLSX all print.
/// </summary>
public sealed record BriefingTable(string Key, string Title, IReadOnlyList<string> Headers, IReadOnlyList<BriefingRow> Rows);

/// <summary>A row's cells and the tickets behind it (null: nothing to open).</summary>
public sealed record BriefingRow(IReadOnlyList<string> Cells, TicketTrace? Trace = null);

/// <summary>The tickets behind a figure: the period's reports of one facet's key, or a list of ids.</summary>
public sealed record TicketTrace(TicketFacet Facet, string Key, IReadOnlyList<string>? Ids = null)
{
    public static TicketTrace Of(IReadOnlyList<string> ids) => new(TicketFacet.All, string.Empty, ids);
}
