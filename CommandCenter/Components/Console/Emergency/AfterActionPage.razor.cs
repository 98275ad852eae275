using CommandCenter.Emergency;
using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// 复盘 of one incident: its mode changes, proposals, checklist steps, supply movements, tickets
/// and alarms in one timeline (up to now while it runs), with links to the same as HTML and CSV.
/// </summary>
public sealed partial class AfterActionPage
{
    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Parameter]
    public string IncidentId { get; set; } = string.Empty;

    private AfterActionView? View { get; set; }

    private bool Loaded { get; set; }

    private static IReadOnlyList<string> Headers => AfterActionExport.Headers(Language.Current);

    private string HtmlLink => $"{AfterActionEndpoints.HtmlPath(IncidentId)}?{Language.QueryKey}={Language.Current.Code()}";

    private string CsvLink => $"{AfterActionEndpoints.CsvPath(IncidentId)}?{Language.QueryKey}={Language.Current.Code()}";

    protected override async Task OnParametersSetAsync()
    {
        View = await Queries.GetAfterActionReportAsync(IncidentId) is { } report ? AfterActionView.From(report, Language.Current) : null;
        Loaded = true;
    }
}
