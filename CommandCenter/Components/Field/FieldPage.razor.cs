using System.Globalization;
using CommandCenter.Field;
using CommandCenter.Live;
using CommandCenter.Localization;
using CommandCenter.Officers;
using CommandCenter.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Twin.Data.Boundary;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Field;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;
using Twin.Domain.Time;
using CommandCenter.Components.Console;

namespace CommandCenter.Components.Field;

/// <summary>
/// 一线通达 on a phone: the signed-in crew's tasks (cases dispatched to their organisation, soonest
/// deadline first), one case with its place on a small map, 接单, and the handling report with photos
/// that submits it for 审核. The report is the browser's (js/fieldoutbox.js): kept on the phone until
/// the connection allows, sent over HTTP with the key it was recorded with, so no signal, a dropped
/// circuit or a lost answer neither loses it nor stores it twice. The page hears of it when it can.
/// </summary>
public sealed partial class FieldPage : IAsyncDisposable
{
    /// <summary>The most tasks listed: the centre's accounts see the whole district's dispatched cases.</summary>
    private const int MaxTasks = 100;

    private const string ModulePath = "./assets/js/fieldoutbox.js";

    [Inject]
    private CircuitCulture Culture { get; set; } = default!;
    private ElementReference _root;
    private ElementReference _photoInput;
    private IJSObjectReference? _module;
    private DotNetObjectReference<FieldPage>? _self;
    private string? _openedId;

    [Inject]
    private WallFeed Feed { get; set; } = default!;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private IOfficerCommands Commands { get; set; } = default!;

    [Inject]
    private SignedInOfficer Officer { get; set; } = default!;

    [Inject]
    private EventCatalogue Catalogue { get; set; } = default!;

    [Inject]
    private TwinClock Clock { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private NavigationManager Nav { get; set; } = default!;

    [Inject]
    private IOptions<FieldOptions> Options { get; set; } = default!;

    [Parameter]
    public string? TicketId { get; set; }

    private AccessScope? Scope { get; set; }

    private TwinSnapshot? Snapshot { get; set; }

    private string OrganisationName => Scope is { } s ? Language.Name(s.Organisation.NameZh, s.Organisation.NameEn) : string.Empty;

    /// <summary>What this crew goes out to (<see cref="AccessScope.IsFieldTask"/>), soonest deadline first.</summary>
    private IReadOnlyList<TicketState> Tasks { get; set; } = [];

    /// <summary>The opened case: from the live picture, else from the store (a case in review may have left the picture's window).</summary>
    private TicketState? Selected { get; set; }

    private string Note { get; set; } = string.Empty;

    private string VerifyNote { get; set; } = string.Empty;

    private bool MayVerify(TicketState ticket) => ticket.Status == TicketStatus.Discovered && Scope?.May(DispatchAction.File, ticket) == true;

    /// <summary>Cases whose report waits in this phone's outbox (no form for them meanwhile).</summary>
    private HashSet<string> Queued { get; } = new(StringComparer.Ordinal);

    private IReadOnlyList<ChosenPhoto> Chosen { get; set; } = [];

    private string? PhotoProblem { get; set; }

    private bool Busy { get; set; }

    private string? Message { get; set; }

    private bool MessageIsError { get; set; }

    private FieldReportInfo? Submitted { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Scope = await Officer.GetScopeAsync();
        Show(Feed.Current ?? (Queries.IsReady ? Queries.Current : null));
        Feed.Updated += OnSnapshot;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (TicketId == _openedId)
        {
            return;
        }

        _openedId = TicketId;
        (Note, VerifyNote, Chosen, PhotoProblem, Message, Submitted) = (string.Empty, string.Empty, [], null, null, null);
        Selected = FindSelected();
        if (TicketId is { } id)
        {
            Selected ??= await Queries.FindTicketAsync(id) is { } stored && Scope?.Sees(stored) == true ? stored : null;
            Submitted = (await Queries.GetFieldReportsAsync(id)).LastOrDefault();
            if (Selected is null)
            {
                (Message, MessageIsError) = (FieldText.NotYours, true);
            }
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        _self = DotNetObjectReference.Create(this);
        var account = (await Officer.GetCurrentAsync()).Name;
        var waiting = await _module.InvokeAsync<string[]>("start", _root, _self, FieldText.Outbox(), account);
        Queued.UnionWith(waiting);
        if (waiting.Length > 0)
        {
            StateHasChanged();
        }
    }

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(async () =>
    {
        Culture.Apply();
        if (Snapshot is null || snapshot.Version > Snapshot.Version)
        {
            var before = Selected?.Status;
            Show(snapshot);
            if (Selected is { } ticket && ticket.Status != before && Submitted is null)
            {
                // A report sent while the circuit was down: the page was not there to hear its answer.
                Submitted = (await Queries.GetFieldReportsAsync(ticket.Id)).LastOrDefault();
            }

            StateHasChanged();
        }
    });

    private void Show(TwinSnapshot? snapshot)
    {
        if (snapshot is null || Scope is not { } scope)
        {
            return;
        }

        Snapshot = scope.View(snapshot);
        Tasks = Snapshot.Tickets
            .Where(scope.IsFieldTask)
            .OrderBy(t => t.StepDueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.ReportedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(MaxTasks)
            .ToList();
        Selected = FindSelected() ?? Selected;
    }

    private TicketState? FindSelected() =>
        TicketId is { } id && Snapshot is { } s ? s.Tickets.FirstOrDefault(t => t.Id == id) : null;

    private async Task AcceptAsync()
    {
        if (Selected is not { } ticket)
        {
            return;
        }

        Busy = true;
        try
        {
            var by = (await Officer.GetCurrentAsync()).Name;
            var outcome = await Commands.SubmitAsync(new AcceptDispatchCommand(ticket.Id, by));
            (Message, MessageIsError) = outcome.Accepted ? (FieldText.Accepted, false) : (RefusalText.Of(outcome, ConsoleText.ActionRefused), true);
            if (outcome.Changes.OfType<TicketChanged>().LastOrDefault() is { } changed)
            {
                Selected = changed.Ticket;
            }
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>A 网格员's 核实 on site: the report is real (立案) or not (不予立案, closed), with what they saw.</summary>
    private async Task VerifyAsync(bool real)
    {
        if (Selected is not { } ticket)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(VerifyNote))
        {
            (Message, MessageIsError) = (FieldText.VerifyNoteRequired, true);
            return;
        }

        Busy = true;
        try
        {
            var by = (await Officer.GetCurrentAsync()).Name;
            var note = VerifyNote.Trim();
            DispatchCommand command = real
                ? new FileTicketCommand(ticket.Id, by, $"现场核实属实：{note}")
                : new CloseTicketCommand(ticket.Id, by, $"现场核实不属实：{note}");
            var outcome = await Commands.SubmitAsync(command);
            (Message, MessageIsError) = outcome.Accepted ? (real ? FieldText.Filed : FieldText.ClosedNotFound, false) : (outcome.Reason, true);
            if (outcome.Changes.OfType<TicketChanged>().LastOrDefault() is { } changed)
            {
                Selected = changed.Ticket;
                VerifyNote = string.Empty;
            }
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task OnPhotosChosenAsync()
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        Chosen = await _module.InvokeAsync<ChosenPhoto[]>("chosen", _photoInput);
        PhotoProblem = Chosen.Count > FieldRules.MaxPhotos ? FieldText.TooMany
            : Chosen.FirstOrDefault(p => p.Size > Options.Value.MaxPhotoBytes) is { } big ? FieldText.TooLarge(big.Name, Options.Value.MaxPhotoBytes)
            : Chosen.FirstOrDefault(p => p.Type is "image/heic" or "image/heif") is { } heic ? FieldText.Heic(heic.Name)
            : Chosen.FirstOrDefault(p => p.Type is not (FieldRules.Jpeg or FieldRules.Png)) is { } odd ? FieldText.WrongType(odd.Name)
            : null;
        (Message, MessageIsError) = (PhotoProblem, PhotoProblem is not null);
    }

    /// <summary>The outbox took a report for this case: the form makes way for a note that it waits on the phone.</summary>
    [JSInvokable]
    public Task OnQueued(string ticketId) => InvokeAsync(() =>
    {
        Culture.Apply();
        Queued.Add(ticketId);
        (Note, Chosen, Message, MessageIsError) = (string.Empty, [], FieldText.QueuedHere, false);
        StateHasChanged();
    });

    /// <summary>The server answered a report from the outbox: stored (or a copy of one stored), or refused for good.</summary>
    [JSInvokable]
    public Task OnAnswered(string ticketId, bool stored, string? problem) => InvokeAsync(async () =>
    {
        Culture.Apply();
        Queued.Remove(ticketId);
        if (Selected?.Id == ticketId)
        {
            if (stored)
            {
                Submitted = (await Queries.GetFieldReportsAsync(ticketId)).LastOrDefault();
                Selected = await Queries.FindTicketAsync(ticketId) ?? Selected;
            }

            (Message, MessageIsError) = stored ? (FieldText.Submitted, false) : (problem, true);
        }

        StateHasChanged();
    });

    private string CategoryName(TicketState ticket) =>
        Catalogue.Find(ticket.CategoryCode) is { } c ? Language.Name(c.NameZh, c.NameEn) : ticket.CategoryCode;

    private bool IsOverdue(TicketState ticket) => ticket.StepDueAt is { } due && due < Clock.GetUtcNow() && ticket.Status != TicketStatus.Review;

    private string DueText(TicketState ticket) => ticket.StepDueAt is { } due
        ? $"{FieldText.Deadline} {FieldText.Time(due)}{(IsOverdue(ticket) ? " · " + FieldText.Overdue : string.Empty)}"
        : string.Empty;

    private static string ReportUrl(TicketState ticket) => $"{FieldEndpoints.Prefix}/tickets/{Uri.EscapeDataString(ticket.Id)}/reports";

    private static Color StatusColor(TicketStatus status) => status switch
    {
        TicketStatus.Dispatched => Color.Warning,
        TicketStatus.Handling => Color.Info,
        TicketStatus.Discovered => Color.Secondary,
        _ => Color.Default,
    };

    /// <summary>A geo: link, which a phone opens in its maps app (WGS-84, as the twin keeps places).</summary>
    private static string NavigateHref(TicketState ticket) => string.Create(CultureInfo.InvariantCulture,
        $"geo:{ticket.Location.Lat:F6},{ticket.Location.Lon:F6}?q={ticket.Location.Lat:F6},{ticket.Location.Lon:F6}({Uri.EscapeDataString(ticket.Address)})");

    private static string Coordinates(GeoPoint at) => string.Create(CultureInfo.InvariantCulture, $"{at.Lon:F5}, {at.Lat:F5}");

    private static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024d / 1024d:F1} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB");

    public async ValueTask DisposeAsync()
    {
        Feed.Updated -= OnSnapshot;
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("stop");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module's listeners with the page.
            }
        }

        _self?.Dispose();
    }

    private sealed record ChosenPhoto(string Name, long Size, string Type);
}
