using CommandCenter.Localization;
using CommandCenter.Security;
using Twin.Data.Boundary;
using Twin.Domain.Time;

namespace CommandCenter.Briefing;

/// <summary>
/// <c>GET /api/briefing/export.pdf</c> and <c>.xlsx</c>: the briefing the page shows for the same
/// query (<c>day</c>, <c>period</c>, <c>from</c>, <c>to</c>, <c>lang</c>), for the briefing's roles.
/// A query that names no valid period is a 400 problem; a missing Chinese font a 503 problem.
/// </summary>
public static class BriefingEndpoints
{
    public const string Prefix = "/api/briefing";

    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapBriefing(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("Briefing").RequireAuthorization(Policies.ReadBriefing);

        // The briefing's figures are the whole district's: a department's or a 街镇's account may not export them.
        group.AddEndpointFilter(async (context, next) =>
            (await context.HttpContext.RequestServices.GetRequiredService<SignedInScope>().OfAsync(context.HttpContext.User)).SeesAll
                ? await next(context)
                : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "仅限指挥中心 · The centre's only",
                    detail: "The briefing covers the whole district; this account's organisation sees only its own part."));
        group.MapGet("/export.pdf", async (HttpRequest request, ITwinBriefings briefings, BriefingNames names, BriefingPdf pdf, TwinClock clock, CancellationToken ct) =>
            {
                if (!pdf.FontAvailable)
                {
                    return NoFont();
                }

                var (document, query) = await DocumentAsync(request, briefings, names, clock, ct);
                return document is null ? BadQuery(query) : Results.File(pdf.Render(document), "application/pdf", FileName(document, "pdf"));
            })
            .WithSummary("The briefing as an A4 PDF (Chinese embedded; no personal data).")
            .Produces<Stream>(200, "application/pdf").ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);
        group.MapGet("/export.xlsx", async (HttpRequest request, ITwinBriefings briefings, BriefingNames names, TwinClock clock, CancellationToken ct) =>
            {
                var (document, query) = await DocumentAsync(request, briefings, names, clock, ct);
                return document is null ? BadQuery(query) : Results.File(BriefingXlsx.Render(document), XlsxType, FileName(document, "xlsx"));
            })
            .WithSummary("The briefing's tables as an XLSX workbook, one sheet a table (no personal data).")
            .Produces<Stream>(200, XlsxType)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/daily", async (ITwinBriefings briefings, CancellationToken ct) =>
                Results.Ok((await briefings.ListDailyBriefingsAsync(ct)).Select(b => new DailyBriefingEntry(
                    BriefingText.Day(b.Day), b.GeneratedAt, b.Sha256, DailyPath(b.Day)))))
            .WithSummary("The kept daily briefings, newest first: day, when made, SHA-256 of the kept figures, the PDF's path.")
            .Produces<IEnumerable<DailyBriefingEntry>>().ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/daily/{day}.pdf", async (string day, ITwinBriefings briefings, BriefingNames names, BriefingPdf pdf, CancellationToken ct) =>
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "日期无效 · Invalid day", detail: "The day must be yyyy-MM-dd.");
                }

                if (await briefings.GetDailyBriefingAsync(date, ct) is not { } kept)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "当日简报未生成 · No daily briefing", detail: $"No briefing was kept for {day}.");
                }

                if (!pdf.FontAvailable)
                {
                    return NoFont();
                }

                var document = BriefingDocument.Of(kept.Figures, names, Language.Current, kept.Info.Sha256);
                return Results.File(pdf.Render(document), "application/pdf", $"daily-briefing-{day}.pdf");
            })
            .WithSummary("A kept daily briefing as an A4 PDF, its figures as they were made (the SHA-256 of what was kept on every page).")
            .Produces<Stream>(200, "application/pdf").ProducesProblem(400).ProducesProblem(404).ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);
        return endpoints;
    }

    public static string DailyPath(DateOnly day) => $"{Prefix}/daily/{BriefingText.Day(day)}.pdf";

    internal static string FileName(BriefingDocument document, string extension) =>
        $"briefing-{document.GeneratedAt.UtcDateTime:yyyyMMdd-HHmm}.{extension}";

    internal static IResult NoFont() => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "缺少中文字体 · No Chinese font", detail: $"Install fonts-noto-cjk or set {BriefingOptions.Section}:FontFile.");

    private static async Task<(BriefingDocument?, BriefingQuery)> DocumentAsync(
        HttpRequest request, ITwinBriefings briefings, BriefingNames names, TwinClock clock, CancellationToken ct)
    {
        var query = Parse(request, clock);
        if (query.Period is not { } period)
        {
            return (null, query);
        }

        var figures = await briefings.GetBriefingAsync(query.Day, period, ct);
        return (BriefingDocument.Of(figures, names, Language.Current), query);
    }

    private static BriefingQuery Parse(HttpRequest request, TwinClock clock) => BriefingQuery.Parse(
        request.Query["day"], request.Query["period"], request.Query["from"], request.Query["to"], clock.GetUtcNow());

    private static IResult BadQuery(BriefingQuery query) => Results.Problem(statusCode: StatusCodes.Status400BadRequest,
        title: "简报参数无效 · Invalid briefing query", detail: query.Problem?.Text(Language.Current));
}

/// <summary>One kept daily briefing in the list.</summary>
public sealed record DailyBriefingEntry(string Day, DateTimeOffset GeneratedAt, string Sha256, string Pdf);
