namespace Twin.Data.Search;

/// <summary>A ticket a search matched: its id, report time (UTC ticks), facet values and relevance rank (0 the phrase is in the title, 1 in the address, 2 elsewhere).</summary>
internal sealed record TicketMatch(string Id, long ReportedAt, string Status, string Channel, string SubDistrictCode, int Rank);

/// <summary>
/// The tickets a search matched, newest first: all of them, or when <see cref="Capped"/> the newest
/// <see cref="SearchQuery.CountLimit"/>, whose counts are then lower bounds.
/// </summary>
internal sealed record TicketMatches(IReadOnlyList<TicketMatch> Rows, bool Capped)
{
    public static TicketMatches None { get; } = new([], false);

    public int Count => Rows.Count;

    /// <summary>The ids of the page the query asks for: newest first, or by rank with the newest first within a rank (a stable sort of the newest-first rows).</summary>
    public IReadOnlyList<string> Page(SearchQuery query) =>
        (query.Sort == SearchSort.Time ? Rows.AsEnumerable() : Rows.OrderBy(r => r.Rank)).Take(query.Limit).Select(r => r.Id).ToList();

    /// <summary>How many of the rows have each value of <paramref name="key"/>.</summary>
    public IReadOnlyDictionary<string, int> Facet(Func<TicketMatch, string> key) =>
        Rows.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
