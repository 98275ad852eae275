using CommandCenter.Localization;
using Twin.Domain.Briefing;

namespace CommandCenter.Briefing;

/// <summary>What an exported briefing holds, in one language: its headings, bars and tables in order.</summary>
public sealed record BriefingDocument(Lang Lang, string District, string Title, string Subtitle, string GeneratedLine, DateTimeOffset GeneratedAt, IReadOnlyList<BriefingDocument.Block> Blocks)
{
    public abstract record Block;

    public sealed record SectionBlock(string Title) : Block;

    public sealed record BarsBlock(string Title, IReadOnlyList<(string Label, double Value, string Text)> Bars) : Block;

    public sealed record TableBlock(BriefingTable Table) : Block;

    public IEnumerable<BriefingTable> Tables => Blocks.OfType<TableBlock>().Select(b => b.Table);

    /// <summary>The page's sections as a document: vital signs, 评效 (with the 街镇 bars), decisions.</summary>
    /// <param name="sha256">a kept daily briefing's hash, printed on every page beside the generation time</param>
    public static BriefingDocument Of(BriefingFigures figures, BriefingNames names, Lang lang, string? sha256 = null)
    {
        var tables = BriefingTables.All(figures, names, lang);
        var bars = figures.Evaluation.BySubDistrict.OrderByDescending(r => r.Current.Row.Cases)
            .Select(r => (names.SubDistrict(lang, r.Current.Row.Key), (double)r.Current.Row.Cases,
                BriefingText.Number(r.Current.Row.Cases) + " · " + BriefingText.Percent(r.Current.Row.OnTimeRate)))
            .ToList();
        List<Block> blocks =
        [
            new TableBlock(tables[0]),
            new TableBlock(tables[1]),
            new BarsBlock(lang.Pick("各街镇立案与按时率", "Cases and on-time rate by sub-district"), bars),
            .. tables.Skip(2).Take(4).Select(t => new TableBlock(t)),
            new SectionBlock(BriefingText.Decisions(lang)),
            .. tables.Skip(6).Select(t => new TableBlock(t)),
        ];
        return new BriefingDocument(
            lang,
            BriefingText.District(lang),
            BriefingText.Title(lang),
            BriefingText.Day(figures.Vitals.Day) + " · " + BriefingText.Period(lang, figures.Evaluation.Period),
            BriefingText.Generated(lang, figures.At) + (sha256 is null ? string.Empty : " · SHA-256 " + sha256[..16]),
            figures.At,
            blocks);
    }
}
