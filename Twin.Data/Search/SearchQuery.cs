using Twin.Domain.Tickets;

namespace Twin.Data.Search;

/// <summary>How search results are ordered.</summary>
public enum SearchSort
{
    /// <summary>
    /// Where the phrase stands: in the title first, then in the address, then only in the
    /// description or the category's or 街镇's name; newest first within each. When more than
    /// <see cref="SearchQuery.CountLimit"/> tickets match, the newest that many are ranked.
    /// </summary>
    Relevance,

    /// <summary>Newest report first.</summary>
    Time,
}

/// <summary>What kinds of record a search looks through; the console's scope buttons and the API's <c>types</c>.</summary>
[Flags]
public enum SearchScope
{
    Tickets = 1,
    Alarms = 2,
    Sensors = 4,
    Places = 8,
    All = Tickets | Alarms | Sensors | Places,
}

/// <summary>Why a search query was refused.</summary>
public enum SearchQueryError
{
    Empty,
    TooLong,
    UnbalancedQuotes,
    FromAfterTo,
    BadLimit,
    NoScope,
}

/// <summary>
/// One search over every stored ticket and the district's places. <see cref="Text"/> is matched as
/// one phrase (quotes around it are allowed and dropped); the filters narrow by report time
/// [<see cref="From"/>, <see cref="To"/>), channel, category, status, 街镇, the creek corridor and
/// whether a step ever ran past its time limit. <see cref="Scope"/> says which kinds of record are
/// searched. The 街镇 narrows alarms and sensors too, the time range alarms (when raised) and the
/// corridor sensors; a filter they cannot answer leaves them out rather than ignoring it.
/// </summary>
public sealed record SearchQuery(string Text)
{
    public const int MaxLength = 100;

    public const int MaxLimit = 200;

    /// <summary>The console's and the API's <see cref="CountLimit"/>.</summary>
    public const int DefaultCountLimit = 1_000;

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public TicketChannel? Channel { get; init; }

    public string? CategoryCode { get; init; }

    public TicketStatus? Status { get; init; }

    public string? SubDistrictCode { get; init; }

    public bool? InCorridor { get; init; }

    public bool? Overdue { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public SearchScope Scope { get; init; } = SearchScope.All;

    public bool SearchesTickets => Scope.HasFlag(SearchScope.Tickets);

    public bool SearchesPlaces => Scope.HasFlag(SearchScope.Places);

    /// <summary>Alarms have a time and a 街镇 but no corridor flag.</summary>
    public bool SearchesAlarms => Scope.HasFlag(SearchScope.Alarms) && !HasTicketOnlyFilter && InCorridor is null;

    /// <summary>Sensors have a place and a corridor flag but no time.</summary>
    public bool SearchesSensors => Scope.HasFlag(SearchScope.Sensors) && !HasTicketOnlyFilter && From is null && To is null;

    private bool HasTicketOnlyFilter => Channel is not null || CategoryCode is not null || Status is not null || Overdue is not null;

    public int Limit { get; init; } = 50;

    /// <summary>
    /// Matching tickets are counted up to this many; beyond it the total and the facets count the
    /// newest this many and say they are lower bounds ("1,000+"), as web search engines do: an exact
    /// count of a word in one ticket of eight among a million takes seconds, a person reads "over 1,000" alike.
    /// </summary>
    public int CountLimit { get; init; } = DefaultCountLimit;

    /// <summary>The words searched for: the text trimmed, with a pair of enclosing quotes removed.</summary>
    public string Phrase
    {
        get
        {
            var text = Text.Trim();
            return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Trim() : text;
        }
    }

    /// <summary>The first thing wrong with this query, or null when it can be run.</summary>
    public SearchQueryError? Validate()
    {
        if (Text.Length > MaxLength)
        {
            return SearchQueryError.TooLong;
        }

        if (Text.Count(c => c == '"') % 2 != 0)
        {
            return SearchQueryError.UnbalancedQuotes;
        }

        if (Phrase.Replace("\"", string.Empty, StringComparison.Ordinal).Trim().Length == 0)
        {
            return SearchQueryError.Empty;
        }

        if (From is { } from && To is { } to && from > to)
        {
            return SearchQueryError.FromAfterTo;
        }

        if ((Scope & SearchScope.All) == 0)
        {
            return SearchQueryError.NoScope;
        }

        return Limit is < 1 or > MaxLimit || CountLimit < 1 ? SearchQueryError.BadLimit : null;
    }
}

/// <summary>A ticket found by search: what a result list shows, never the reporter.</summary>
public sealed record SearchHit(
    string Id,
    string Title,
    string Address,
    TicketChannel Channel,
    string CategoryCode,
    TicketStatus Status,
    string SubDistrictCode,
    double Lon,
    double Lat,
    DateTimeOffset ReportedAt,
    DateTimeOffset? ClosedAt);

/// <summary>A place whose name contains the query: a 街镇 or a 居委.</summary>
public sealed record SearchPlace(string Kind, string Code, string Name, string? SubDistrictCode)
{
    public const string SubDistrictKind = "subdistrict";

    public const string NeighbourhoodKind = "neighbourhood";
}

/// <summary>
/// Results: tickets with the number of matching tickets and their counts by status, channel and
/// 街镇 (lower bounds when <see cref="TotalIsLowerBound"/>); matching places, alarms (newest first) and sensors.
/// </summary>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits,
    int Total,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> BySubDistrict,
    IReadOnlyList<SearchPlace> Places)
{
    /// <summary>
    /// More tickets match than were counted: <see cref="Total"/> and the facet counts are lower
    /// bounds (shown as "1,000+"), as counting every match of a common word would take seconds.
    /// </summary>
    public bool TotalIsLowerBound { get; init; }

    public IReadOnlyList<SearchAlarmHit> Alarms { get; init; } = [];

    public IReadOnlyList<SearchSensorHit> Sensors { get; init; } = [];
}
