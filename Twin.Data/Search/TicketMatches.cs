namespace Twin.Data.Search;

/// <summary>
/// The tickets a search matched, newest first, each with its relevance rank (0 the phrase is in the
/// title, 1 in the address, 2 elsewhere): all of them, or when <see cref="Capped"/> the newest
/// <see cref="SearchQuery.CountLimit"/>, whose counts are then lower bounds.
/// </summary>
internal sealed record TicketMatches(IReadOnlyList<(SearchHit Hit, int Rank)> Rows, bool Capped)
{
    public static TicketMatches None { get; } = new([], false);

    public int Count => Rows.Count;

    /// <summary>The page the query asks for: newest first, or by rank with the newest first within a rank (a stable sort of the newest-first rows).</summary>
    public IReadOnlyList<SearchHit> Hits(SearchQuery query) =>
        (query.Sort == SearchSort.Time ? Rows.AsEnumerable() : Rows.OrderBy(r => r.Rank)).Take(query.Limit).Select(r => r.Hit).ToList();

    /// <summary>How many of the rows have each value of <paramref name="key"/>.</summary>
    public IReadOnlyDictionary<string, int> Facet(Func<SearchHit, string> key) =>
        Rows.GroupBy(r => key(r.Hit), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
