namespace Twin.Data.Search;

/// <summary>
/// A search index's look-up of the tickets matching a phrase: <see cref="From"/> is a FROM … WHERE
/// clause naming the matching tickets <c>t</c>, <see cref="NewestFirst"/> the ORDER BY that reads
/// them newest first (report time, to the second where the index orders by its keys).
/// </summary>
internal sealed record TicketMatchSql(string From, string NewestFirst);
