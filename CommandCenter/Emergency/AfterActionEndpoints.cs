using System.Text;
using CommandCenter.Localization;
using CommandCenter.Security;
using Twin.Data.Boundary;

namespace CommandCenter.Emergency;

/// <summary>
/// <c>GET /api/emergency/incidents/{id}/after-action.html</c> and <c>.csv</c>: an incident's 复盘
/// to keep or pass on, for the console's roles, in the request's language (<c>?lang=</c>).
/// An unknown incident is a 404 problem.
/// </summary>
public static class AfterActionEndpoints
{
    public const string Prefix = "/api/emergency/incidents";

    public static string HtmlPath(string incidentId) => $"{Prefix}/{Uri.EscapeDataString(incidentId)}/after-action.html";

    public static string CsvPath(string incidentId) => $"{Prefix}/{Uri.EscapeDataString(incidentId)}/after-action.csv";

    public static IEndpointRouteBuilder MapAfterAction(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).WithTags("Emergency").RequireAuthorization(Policies.UseConsole);
        group.MapGet("/{id}/after-action.html", async (string id, ITwinQueries queries, CancellationToken ct) =>
                await ViewAsync(id, queries, ct) is { } view
                    ? Results.Content(AfterActionExport.Html(view, Language.Current), "text/html; charset=utf-8", Encoding.UTF8)
                    : NotFound(id))
            .WithSummary("An incident's after-action report as a self-contained HTML page (no personal data).")
            .Produces<string>(200, "text/html").ProducesProblem(404).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/{id}/after-action.csv", async (string id, ITwinQueries queries, CancellationToken ct) =>
                await ViewAsync(id, queries, ct) is { } view
                    ? Results.File(AfterActionExport.Csv(view, Language.Current), "text/csv; charset=utf-8", $"after-action-{id}.csv")
                    : NotFound(id))
            .WithSummary("An incident's after-action report as CSV: time, section, what, detail (no personal data).")
            .Produces<string>(200, "text/csv").ProducesProblem(404).ProducesProblem(401).ProducesProblem(403);
        return endpoints;
    }

    private static async Task<AfterActionView?> ViewAsync(string id, ITwinQueries queries, CancellationToken ct) =>
        await queries.GetAfterActionReportAsync(id, ct) is { } report ? AfterActionView.From(report, Language.Current) : null;

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "未找到该应急事件 · No such incident", detail: $"No incident {id}.");
}
