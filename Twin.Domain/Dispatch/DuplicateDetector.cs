using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Quadtree;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace Twin.Domain.Dispatch;

public enum DuplicateDecision
{
    Merge,
    Candidate,
}

/// <summary>Why a report was judged a duplicate of a case: the rule and the figures behind it.</summary>
public sealed record DuplicateMatch(
    DuplicateDecision Decision,
    string CaseId,
    string MatchedTicketId,
    string Rule,
    double DistanceMetres,
    TimeSpan TimeGap,
    double Similarity,
    double Score)
{
    /// <summary>
    /// The judgement in words, naming the case and, when the nearest report was one already merged
    /// into it, that report too: the figures are measured against it. Stored on the report
    /// (<see cref="Tickets.TicketState.DuplicateExplanation"/>) and in its history, so every view
    /// reads the same words.
    /// </summary>
    /// <remarks>Both tickets are named, so the words read right beside either of them.</remarks>
    public string ExplanationFor(string reportId) => Decision == DuplicateDecision.Merge
        ? $"自动并案：{reportId}并入{CaseId}{Via}，{Figures}"
        : $"疑似重复：{reportId}疑似{CaseId}的重复报告{Via}，{Figures}";

    /// <summary>The rule and the figures behind it, without the verdict.</summary>
    public string Figures =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Rule}，相距{DistanceMetres:F0}米，间隔{Minutes(TimeGap)}，文本相似度{Similarity:F2}，综合得分{Score:F2}");

    private string Via => MatchedTicketId == CaseId ? string.Empty : $"（最相近的是已并入该案的{MatchedTicketId}）";

    private static string Minutes(TimeSpan gap) =>
        gap.TotalMinutes < 120
            ? string.Create(CultureInfo.InvariantCulture, $"{gap.TotalMinutes:F0}分钟")
            : string.Create(CultureInfo.InvariantCulture, $"{gap.TotalHours:F1}小时");
}

/// <summary>
/// Finds the case a new report duplicates among the reports of open cases. Every report of an open
/// case is indexed (the case itself and the reports merged into it), so a third report that reads
/// like the second still finds the case. Points are indexed in local metres in one NTS
/// <see cref="Quadtree{T}"/> per category (only the same and related categories are ever
/// compared, so a query never walks the others); unlike STRtree it takes inserts and removals as
/// cases open and close.
/// </summary>
public sealed class DuplicateDetector
{
    private readonly EventCatalogue _catalogue;
    private readonly DuplicateRules _rules;
    private readonly LocalProjection _projection = LocalProjection.Putuo;
    private readonly Dictionary<string, Quadtree<Entry>> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);

    public DuplicateDetector(EventCatalogue catalogue, DuplicateRules rules)
    {
        _catalogue = catalogue;
        _rules = rules;
    }

    public DuplicateRules Rules => _rules;

    public int Count => _byId.Count;

    /// <summary>Indexes a report under its case (<paramref name="caseId"/>: itself, or the case it was merged into).</summary>
    public void Add(TicketState ticket, string caseId)
    {
        Remove(ticket.Id);
        var xy = _projection.Forward(ticket.Location.Lon, ticket.Location.Lat);
        var entry = new Entry(ticket.Id, caseId, ticket.CategoryCode, xy.X, xy.Y, ticket.ReportedAt, TextSimilarity.Bigrams(ticket.Title + ticket.Description));
        _byId[ticket.Id] = entry;
        if (!_indexes.TryGetValue(ticket.CategoryCode, out var index))
        {
            index = new Quadtree<Entry>();
            _indexes[ticket.CategoryCode] = index;
        }

        index.Insert(new Envelope(xy), entry);
    }

    public void Remove(string ticketId)
    {
        if (_byId.Remove(ticketId, out var entry))
        {
            _indexes[entry.CategoryCode].Remove(new Envelope(entry.X, entry.X, entry.Y, entry.Y), entry);
        }
    }

    public void Clear()
    {
        _byId.Clear();
        _indexes.Clear();
    }

    /// <summary>The best-scoring case the report duplicates, or null.</summary>
    public DuplicateMatch? Assess(string categoryCode, GeoPoint location, DateTimeOffset reportedAt, string text)
    {
        var xy = _projection.Forward(location.Lon, location.Lat);
        var r = _rules.RadiusMetres;
        var box = new Envelope(xy.X - r, xy.X + r, xy.Y - r, xy.Y + r);
        var probe = new Probe(categoryCode, xy, reportedAt, text);
        var best = Assess(probe, box, categoryCode);
        foreach (var related in _catalogue.RelatedTo(categoryCode))
        {
            if (Assess(probe, box, related) is { } match && (best is null || IsBetter(match.Decision, match.Score, best)))
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>
    /// A draft not yet reported (the desk's new case while the officer types it), judged against the
    /// open cases of a published snapshot. The engine's index belongs to its single writer, so the
    /// draft gets a detector of its own, with the same rules, over the few categories that can match.
    /// </summary>
    public DuplicateMatch? AssessDraft(IEnumerable<TicketState> tickets, string categoryCode, GeoPoint location, DateTimeOffset at, string text)
    {
        if (!_rules.Enabled)
        {
            return null;
        }

        var categories = _catalogue.RelatedTo(categoryCode).Append(categoryCode).ToHashSet(StringComparer.Ordinal);
        var all = tickets.ToList();
        var openCases = all.Where(t => t.Status.IsOpen()).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var draft = new DuplicateDetector(_catalogue, _rules);
        foreach (var ticket in all.Where(t => categories.Contains(t.CategoryCode)))
        {
            // As the engine indexes: an open case under itself, a report merged into an open case under that case.
            var caseId = ticket.Status == TicketStatus.Merged ? ticket.MergedIntoId : ticket.Id;
            if (caseId is not null && openCases.Contains(caseId))
            {
                draft.Add(ticket, caseId);
            }
        }

        return draft.Assess(categoryCode, location, at, text);
    }

    private DuplicateMatch? Assess(Probe probe, Envelope box, string indexedCategory)
    {
        if (!_indexes.TryGetValue(indexedCategory, out var index))
        {
            return null;
        }

        var (categoryCode, xy, reportedAt, _) = probe;
        var r = _rules.RadiusMetres;
        DuplicateMatch? best = null;
        foreach (var entry in index.Query(box))
        {
            var sameCategory = string.Equals(entry.CategoryCode, categoryCode, StringComparison.Ordinal);
            if (!sameCategory && !_catalogue.AreRelated(entry.CategoryCode, categoryCode))
            {
                continue;
            }

            var dx = entry.X - xy.X;
            var dy = entry.Y - xy.Y;
            var distance = Math.Sqrt(dx * dx + dy * dy);
            var gap = (reportedAt - entry.ReportedAt).Duration();
            if (distance > r || gap > _rules.Window)
            {
                continue;
            }

            var similarity = TextSimilarity.Dice(probe.Bigrams, entry.Bigrams);
            if (similarity < _rules.MinSimilarity)
            {
                continue;
            }

            var score = Score(similarity, distance, gap);
            if (score < _rules.CandidateScore && sameCategory)
            {
                continue;
            }

            // A case the report may join outranks one it can only be offered.
            var decision = sameCategory && score >= _rules.MergeScore ? DuplicateDecision.Merge : DuplicateDecision.Candidate;
            if (best is null || IsBetter(decision, score, best))
            {
                best = new DuplicateMatch(decision, entry.CaseId, entry.TicketId, Rule(entry.CategoryCode, categoryCode), distance, gap, similarity, score);
            }
        }

        return best;
    }

    /// <summary>
    /// The figures the rules weigh, for a report and the case it was offered or merged into, so the
    /// officer reads why. Computed now from the two tickets as they stand, not from the moment of the
    /// report, so a case whose text changed reads its current similarity.
    /// </summary>
    public DuplicateMatch Explain(TicketState report, TicketState caseTicket)
    {
        var a = _projection.Forward(report.Location.Lon, report.Location.Lat);
        var b = _projection.Forward(caseTicket.Location.Lon, caseTicket.Location.Lat);
        var distance = a.Distance(b);
        var gap = (report.ReportedAt - caseTicket.ReportedAt).Duration();
        var similarity = TextSimilarity.Dice(
            TextSimilarity.Bigrams(report.Title + report.Description), TextSimilarity.Bigrams(caseTicket.Title + caseTicket.Description));
        var decision = report.MergedIntoId == caseTicket.Id ? DuplicateDecision.Merge : DuplicateDecision.Candidate;
        return new DuplicateMatch(
            decision, caseTicket.Id, caseTicket.Id, Rule(caseTicket.CategoryCode, report.CategoryCode), distance, gap, similarity, Score(similarity, distance, gap));
    }

    private double Score(double similarity, double distance, TimeSpan gap) =>
        _rules.TextWeight * similarity
        + _rules.DistanceWeight * Math.Max(0, 1 - distance / _rules.RadiusMetres)
        + _rules.TimeWeight * Math.Max(0, 1 - gap / _rules.Window);

    private string Rule(string indexedCategory, string reportCategory) =>
        indexedCategory == reportCategory ? $"同类事项（{Name(reportCategory)}）" : $"相关事项（{Name(indexedCategory)}↔{Name(reportCategory)}）";

    private static bool IsBetter(DuplicateDecision decision, double score, DuplicateMatch best) =>
        decision != best.Decision ? decision == DuplicateDecision.Merge : score > best.Score;

    private string Name(string code) => _catalogue.Find(code)?.NameZh ?? code;

    /// <summary>The new report; its bigrams are computed once, and only if some report is near enough to compare.</summary>
    private sealed class Probe(string categoryCode, Coordinate xy, DateTimeOffset reportedAt, string text)
    {
        private int[]? _bigrams;

        public int[] Bigrams => _bigrams ??= TextSimilarity.Bigrams(text);

        public void Deconstruct(out string category, out Coordinate point, out DateTimeOffset at, out string body) =>
            (category, point, at, body) = (categoryCode, xy, reportedAt, text);
    }

    private sealed record Entry(string TicketId, string CaseId, string CategoryCode, double X, double Y, DateTimeOffset ReportedAt, int[] Bigrams);
}
