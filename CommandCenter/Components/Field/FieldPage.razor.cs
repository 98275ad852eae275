using System.Globalization;
using System.Text.Json;
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
/// that submits it for 审核. The report goes over HTTP from the browser (js/fieldreport.js), retried
/// with one idempotency key, so a dropped connection neither loses it nor stores it twice.
/// </summary>
public sealed partial class FieldPage : IAsyncDisposable
{
    /// <summary>The most tasks listed: the centre's accounts see the whole district's dispatched cases.</summary>
    private const int MaxTasks = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly CircuitCulture _culture = new();
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

    /// <summary>What this crew works: cases of their organisation waiting for 接单, being handled or in review, soonest deadline first.</summary>
    private IReadOnlyList<TicketState> Tasks { get; set; } = [];

    /// <summary>The opened case: from the live picture, else from the store (a case in review may have left the picture's window).</summary>
    private TicketState? Selected { get; set; }

    private string Note { get; set; } = string.Empty;

    /// <summary>Generated once per report and kept until it is answered, so a retry is the same submission.</summary>
    private string? Key { get; set; }

    private IReadOnlyList<ChosenPhoto> Chosen { get; set; } = [];

    private string? PhotoProblem { get; set; }

    private bool Busy { get; set; }

    private bool Failed { get; set; }

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
        (Note, Key, Chosen, PhotoProblem, Failed, Message, Submitted) = (string.Empty, null, [], null, false, null, null);
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

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(() =>
    {
        _culture.Apply();
        if (Snapshot is null || snapshot.Version > Snapshot.Version)
        {
            Show(snapshot);
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
            .Where(t => t.Status is TicketStatus.Dispatched or TicketStatus.Handling or TicketStatus.Review && IsOurs(scope, t))
            .OrderBy(t => t.StepDueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.ReportedAt).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(MaxTasks)
            .ToList();
        Selected = FindSelected() ?? Selected;
    }

    /// <summary>A department's own cases (not those it only coordinates); the centre works any.</summary>
    private static bool IsOurs(AccessScope scope, TicketState ticket) => scope.SeesAll || ticket.Department == scope.Organisation.NameZh;

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

    private async Task OnPhotosChosenAsync()
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/fieldreport.js");
        Chosen = await _module.InvokeAsync<ChosenPhoto[]>("chosen", _photoInput);
        PhotoProblem = Chosen.Count > FieldRules.MaxPhotos ? FieldText.TooMany
            : Chosen.FirstOrDefault(p => p.Size > Options.Value.MaxPhotoBytes) is { } big ? FieldText.TooLarge(big.Name, Options.Value.MaxPhotoBytes)
            : Chosen.FirstOrDefault(p => p.Type is not (FieldRules.Jpeg or FieldRules.Png)) is { } odd ? FieldText.WrongType(odd.Name)
            : null;
        (Message, MessageIsError) = (PhotoProblem, PhotoProblem is not null);
    }

    private async Task SubmitAsync()
    {
        if (Selected is not { } ticket)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(Note))
        {
            (Message, MessageIsError) = (FieldText.NoteRequired, true);
            return;
        }

        Busy = true;
        Key ??= Guid.NewGuid().ToString("N");
        (Message, MessageIsError) = (FieldText.Attempt(1), false);
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./assets/js/fieldreport.js");
            _self ??= DotNetObjectReference.Create(this);
            var url = $"{FieldEndpoints.Prefix}/tickets/{Uri.EscapeDataString(ticket.Id)}/reports";

            // Every retry of the script's own schedule fits well inside this.
            var result = await _module.InvokeAsync<SendResult>("send", TimeSpan.FromMinutes(8), _photoInput, url, Key, Note, _self);
            await TakeAnswerAsync(ticket, result);
        }
        finally
        {
            Busy = false;
        }
    }

    private async Task TakeAnswerAsync(TicketState ticket, SendResult result)
    {
        if (result.Status is StatusCodes.Status200OK or StatusCodes.Status201Created)
        {
            Submitted = (await Queries.GetFieldReportsAsync(ticket.Id)).LastOrDefault();
            (Message, MessageIsError, Failed, Key) = (FieldText.Submitted, false, false, null);
            Selected = await Queries.FindTicketAsync(ticket.Id) ?? Selected;
            return;
        }

        Failed = result.Body is null;
        var problem = result.Body is { } body ? JsonSerializer.Deserialize<Problem>(body, Json) : null;
        (Message, MessageIsError) = (problem is null ? FieldText.GaveUp : $"{problem.Title}：{problem.Detail}", true);
        if (!Failed)
        {
            // A final refusal: another attempt is another submission.
            Key = null;
        }
    }

    [JSInvokable]
    public Task OnAttempt(int attempt) => InvokeAsync(() =>
    {
        _culture.Apply();
        Message = FieldText.Attempt(attempt);
        StateHasChanged();
    });

    private string CategoryName(TicketState ticket) =>
        Catalogue.Find(ticket.CategoryCode) is { } c ? Language.Name(c.NameZh, c.NameEn) : ticket.CategoryCode;

    private bool IsOverdue(TicketState ticket) => ticket.StepDueAt is { } due && due < Clock.GetUtcNow() && ticket.Status != TicketStatus.Review;

    private string DueText(TicketState ticket) => ticket.StepDueAt is { } due
        ? $"{FieldText.Deadline} {FieldText.Time(due)}{(IsOverdue(ticket) ? " · " + FieldText.Overdue : string.Empty)}"
        : string.Empty;

    private static Color StatusColor(TicketStatus status) => status switch
    {
        TicketStatus.Dispatched => Color.Warning,
        TicketStatus.Handling => Color.Info,
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
        _self?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    private sealed record ChosenPhoto(string Name, long Size, string Type);

    private sealed record SendResult(int Status, string? Body, int Attempts);

    private sealed record Problem(string? Title, string? Detail);
}
