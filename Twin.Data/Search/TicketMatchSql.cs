namespace Twin.Data.Search;

/// <summary>
/// A search index's look-up of the tickets matching a phrase: <see cref="From"/> is a FROM … WHERE
/// clause naming the matching tickets <c>t</c> (rows with the ticket's filter, facet and rank
/// columns: the ticket itself or what the index carries of it), <see cref="NewestFirst"/> the ORDER BY
/// that reads them newest first (report time, to the second where the index orders by its keys),
/// <see cref="Id"/> the ticket's id among <c>t</c>'s columns.
/// </summary>
internal sealed record TicketMatchSql(string From, string NewestFirst, string Id);
