using CommandCenter.Briefing;
using CommandCenter.Localization;
using CommandCenter.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Twin.Data.Boundary;
using Twin.Domain.Briefing;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Briefing;

/// <summary>
/// 领导简报 (/briefing): a day's vital signs, a period's 评效 with charts, and what needs a
/// decision, all counted by <see cref="ITwinBriefings"/>. Every figure with tickets behind it opens
/// them in a list: with ticket links for officers, as plain masked rows for a leader.
/// </summary>
public sealed partial class BriefingPage
{
    /// <summary>Tickets a trace list shows; the count above it says how many there are.</summary>
    private const int TraceRows = 50;

    private readonly Lang _lang = Language.Current;

    [Inject]
    private ITwinBriefings Briefings { get; set; } = default!;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private BriefingNames Names { get; set; } = default!;

    [Inject]
    private Twin.Domain.Time.TwinClock Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private SignedInScope Scopes { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [SupplyParameterFromQuery(Name = "day")]
    public string? DayQuery { get; set; }

    [SupplyParameterFromQuery(Name = "period")]
    public string? PeriodQuery { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToQuery { get; set; }

    private BriefingFigures? Figures { get; set; }

    private IReadOnlyList<BriefingTable>? Tables { get; set; }

    private bool Loading { get; set; }

    /// <summary>
    /// The briefing is the whole district's (its exports answer 403 outside the centre): a
    /// department's or a 街镇's account is told so instead of being shown district-wide figures.
    /// </summary>
    private bool CentreOnly { get; set; }

    private string? Problem { get; set; }

    private TraceView? Trace { get; set; }

    private bool MayOpenTickets { get; set; }

    private IReadOnlyList<DailyBriefingInfo> Daily { get; set; } = [];

    private string DayText { get; set; } = string.Empty;

    private string FromText { get; set; } = string.Empty;

    private string ToText { get; set; } = string.Empty;

    private PeriodKind Kind { get; set; } = PeriodKind.Month;

    private BriefingPeriod Period { get; set; } = BriefingPeriod.Containing(PeriodKind.Day, DateOnly.MinValue);

    private BriefingPeriod DayPeriod => BriefingPeriod.Containing(PeriodKind.Day, Figures?.Vitals.Day ?? Period.LastDay);

    private string SelfHref => BriefingQuery.Href("/briefing", DayText, Kind, FromText, ToText);

    private string ExportHref(string format) => BriefingQuery.Href($"/api/briefing/export.{format}", DayText, Kind, FromText, ToText);

    private string? Look => Queries.Current.VitalSigns.Look is { SensorsTotal: > 0 } look
        ? _lang.Pick($"感知设备在线 {look.SensorsOnline:N0}/{look.SensorsTotal:N0}，视频 {look.CamerasConnected:N0} 路，AI摄像头 {look.AiCameras}",
            $"sensors online {look.SensorsOnline:N0}/{look.SensorsTotal:N0}, {look.CamerasConnected:N0} camera channels, {look.AiCameras} AI cameras")
        : null;

    private IReadOnlyList<Bar> SubDistrictBars => Figures is { } f
        ? f.Evaluation.BySubDistrict.OrderByDescending(r => r.Current.Row.Cases)
            .Select(r => new Bar(Names.SubDistrict(_lang, r.Current.Row.Key), r.Current.Row.Cases, BriefingText.Number(r.Current.Row.Cases) + " · " + BriefingText.Percent(r.Current.Row.OnTimeRate)))
            .ToList()
        : [];

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            var user = (await AuthenticationState).User;
            MayOpenTickets = (await Authorization.AuthorizeAsync(user, Policies.ActOnTickets)).Succeeded;
            CentreOnly = !(await Scopes.OfAsync(user)).SeesAll;
        }

        Daily = await Briefings.ListDailyBriefingsAsync();
    }

    protected override async Task OnParametersSetAsync()
    {
        var request = BriefingQuery.Parse(DayQuery, PeriodQuery, FromQuery, ToQuery, Clock.GetUtcNow());
        (DayText, Kind) = (BriefingText.Day(request.Day), request.Kind);
        (FromText, ToText) = (FromQuery ?? BriefingText.Day(request.Period?.FirstDay ?? request.Day), ToQuery ?? BriefingText.Day(request.Period?.LastDay ?? request.Day));
        Problem = request.Problem is { } p ? p.Text(_lang) : null;
        if (request.Period is { } period && !CentreOnly)
        {
            Period = period;
            await LoadAsync(request.Day);
        }
    }

    private async Task LoadAsync(DateOnly day)
    {
        Loading = true;
        Trace = null;
        Figures = await Briefings.GetBriefingAsync(day, Period);
        Tables = BriefingTables.All(Figures, Names, _lang);
        Loading = false;
    }

    /// <summary>The browser's print dialog, through interop: the CSP allows no inline handler.</summary>
    private async Task PrintAsync() => await JS.InvokeVoidAsync("print");

    private Task ApplyAsync()
    {
        Navigation.NavigateTo(SelfHref);
        return Task.CompletedTask;
    }

    private Task ChooseKindAsync(PeriodKind kind)
    {
        Kind = kind;
        return kind == PeriodKind.Custom ? Task.CompletedTask : ApplyAsync();
    }

    /// <summary>The daily briefing a leader reads first: yesterday's day, its 评效 as a day.</summary>
    private Task YesterdayAsync()
    {
        DayText = BriefingText.Day(BriefingPeriod.DayOf(Clock.GetUtcNow()).AddDays(-1));
        Kind = PeriodKind.Day;
        return ApplyAsync();
    }

    private async Task TraceAsync(BriefingRow row, string title, BriefingPeriod period)
    {
        if (row.Trace is not { } trace)
        {
            return;
        }

        if (trace.Ids is { } ids)
        {
            var tickets = await Briefings.GetTicketsAsync(ids.Take(TraceRows).ToList());
            Trace = new TraceView(title, tickets, ids.Count);
            return;
        }

        var (behind, total) = await Briefings.GetTicketsBehindAsync(period, trace.Facet, trace.Key, TraceRows);
        Trace = new TraceView(title + " · " + BriefingText.Period(_lang, period), behind, total);
    }

    private sealed record TraceView(string Title, IReadOnlyList<TicketState> Tickets, int Total);
}
