using CommandCenter.Live;
using CommandCenter.Localization;
using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Twin.Data.Boundary;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Components.Console;

/// <summary>
/// The duty officers' console (值班台): the queue, the alarms to acknowledge, the selected ticket
/// with its map, relations, history and legal actions, and 评效. Snapshots come from
/// <see cref="WallFeed"/>, already coalesced; commands go through <see cref="IOfficerCommands"/>
/// (the role check in front of the writer), whose answer comes after the change is committed and
/// carries the ticket's new steps. Who acts is asked of <see cref="IOfficerIdentity"/> only.
/// </summary>
public sealed partial class ConsolePage : IDisposable
{
    private string? _historyId;
    private DateTimeOffset _historyUpdatedAt;
    private TicketQueue? _queue;
    private TicketView? _view;
    private AlarmDesk? _alarms;
    [Inject]
    private CircuitCulture Culture { get; set; } = default!;
    private readonly ShortcutQueue _keys = new();
    private IReadOnlyDictionary<string, TicketState> _byId = new Dictionary<string, TicketState>();
    private long _byIdVersion = -1;

    [Inject]
    private WallFeed Feed { get; set; } = default!;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private IOfficerCommands Commands { get; set; } = default!;

    [Inject]
    private IOfficerIdentity Identity { get; set; } = default!;

    [Inject]
    private TwinClock Clock { get; set; } = default!;

    [Inject]
    private EventCatalogue Catalogue { get; set; } = default!;

    [Inject]
    private DistrictMap District { get; set; } = default!;

    [Inject]
    private EvaluationWindow Evaluation { get; set; } = default!;

    private static Lang Lang => Language.Current;

    private Officer? Officer { get; set; }

    /// <summary>What the signed-in account sees and may do; every snapshot, stored ticket and search goes through it.</summary>
    private AccessScope Scope { get; set; } = new(Organisation.Centre, AccessRole.Leader);

    private TwinSnapshot? Snapshot { get; set; }

    private QueueFilter Filter { get; set; } = new();

    /// <summary>The ticket of a deep link (<c>/console/tickets/{id}</c>): opened on arrival, of any age.</summary>
    [Parameter]
    public string? TicketId { get; set; }

    private string? SelectedId { get; set; }

    /// <summary>A deep-linked ticket the engine no longer holds (closed before yesterday), read from the store.</summary>
    private TicketState? StoredTicket { get; set; }

    private IReadOnlyList<TicketTransition> History { get; set; } = [];

    private string? Refusal { get; set; }

    private bool Busy { get; set; }

    private bool ShowHelp { get; set; }

    private bool ShowNewCase { get; set; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    private IReadOnlyList<TicketState> Queue => Snapshot is { } s ? Filter.Apply(s.Tickets, Now) : [];

    /// <summary>Whether the open ticket still takes 满意 / 不满意 (the engine refuses it afterwards too).</summary>
    private bool EvaluationOpen => Selected is { } ticket && Evaluation.IsOpen(ticket, Now);

    private TicketState? Selected => SelectedId is { } id ? Find(id) ?? (StoredTicket?.Id == id ? StoredTicket : null) : null;

    private IReadOnlyList<Choice> Channels =>
        [new(string.Empty, ConsoleText.All), .. Enum.GetValues<TicketChannel>().Select(c => new Choice(c.ToString(), ConsoleText.Channel(c, Lang)))];

    private IReadOnlyList<Choice> Statuses =>
        [new(QueueFilter.OpenOnly, ConsoleText.OpenTickets), new(string.Empty, ConsoleText.All),
            .. Enum.GetValues<TicketStatus>().Select(s => new Choice(s.ToString(), ConsoleText.Status(s, Lang)))];

    private IReadOnlyList<Choice> Categories =>
        [new(string.Empty, ConsoleText.All), .. Catalogue.Categories.Select(c => new Choice(c.Code, Language.Name(c.NameZh, c.NameEn)))];

    private IReadOnlyList<Choice> SubDistricts =>
        [new(string.Empty, ConsoleText.All), .. District.SubDistricts.Select(s => new Choice(s.Code, Language.Name(s.Name, s.NameEn)))];

    /// <summary>What the open ticket's map shows around it besides its relations.</summary>
    private IReadOnlyList<MapMarker> Surroundings =>
        Selected is { } ticket && Snapshot is { } snapshot
            ? TicketSurroundings.Around(ticket, snapshot, Related.Select(r => r.Ticket.Id).ToHashSet(StringComparer.Ordinal), Language.Current)
            : [];

    /// <summary>
    /// The departments dispatch may name for the open ticket, valued by their Chinese name (the
    /// engine's key), labelled in the page's language, the likely owners first.
    /// </summary>
    private IReadOnlyList<DepartmentChoice> DispatchChoices =>
        Selected is { } ticket ? DispatchDepartments.For(ticket, Catalogue, DepartmentName) : [];

    /// <summary>Every department, by name: an alarm may be assigned to any of them.</summary>
    private IReadOnlyList<Choice> Departments { get; set; } = [];

    /// <summary>The open ticket's case, the reports merged into it and the reports offered as its duplicates.</summary>
    private IReadOnlyList<RelatedTicket> Related
    {
        get
        {
            if (Selected is not { } ticket || Snapshot is not { } snapshot)
            {
                return [];
            }

            var related = new List<RelatedTicket>();
            if ((ticket.MergedIntoId ?? ticket.PossibleDuplicateOf) is { } caseId && Find(caseId) is { } theCase)
            {
                related.Add(new RelatedTicket(theCase, Relation.Case, ticket.DuplicateExplanation ?? string.Empty));
            }

            foreach (var other in snapshot.Tickets)
            {
                if (other.MergedIntoId == ticket.Id)
                {
                    related.Add(new RelatedTicket(other, Relation.MergedReport, other.DuplicateExplanation ?? string.Empty));
                }
                else if (other.PossibleDuplicateOf == ticket.Id && other.Status.IsOpen())
                {
                    related.Add(new RelatedTicket(other, Relation.Candidate, other.DuplicateExplanation ?? string.Empty));
                }
            }

            return related;
        }
    }

    /// <summary>Whether the signed-in role may act (a leader sees the console read-only); the handlers still check.</summary>
    private bool MayAct { get; set; }

    /// <summary>
    /// The circuit is interactive and the shortcut listener registered. Until then a key or a click
    /// would be lost, so the header says the desk is connecting and the actions stay disabled.
    /// </summary>
    private bool Ready { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Officer = await Identity.GetCurrentAsync();
        Scope = await Identity.GetScopeAsync();
        MayAct = await Commands.MayActAsync() && Scope.MayAct;
        Departments = Catalogue.Departments
            .Order(StringComparer.Ordinal)
            .Select(d => new Choice(d, DepartmentName(d)))
            .ToList();
        Snapshot = Feed.Current is { } feed ? Scope.View(feed) : Queries.IsReady ? Queries.CurrentFor(Scope) : null;
        Feed.Updated += OnSnapshot;
        await RefreshHistoryAsync();
    }

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(async () =>
    {
        Culture.Apply();

        // A command's own commit may already have shown a newer snapshot than the feed's.
        if (Snapshot is null || snapshot.Version > Snapshot.Version)
        {
            Snapshot = Scope.View(snapshot);

            // While an action is in flight its answer brings the ticket's new steps (TakeHistory).
            if (!Busy)
            {
                await RefreshHistoryAsync();
            }

            StateHasChanged();
        }
    });

    protected override async Task OnParametersSetAsync()
    {
        if (TicketId is not { } id || id == SelectedId)
        {
            return;
        }

        SelectedId = id;
        Refusal = null;
        StoredTicket = Find(id) is null ? await Queries.FindTicketAsync(id, Scope) : null;
        await RefreshHistoryAsync();
    }

    private void OnFilterChanged(QueueFilter filter) => Filter = filter;

    private async Task SelectAsync(string id)
    {
        SelectedId = id;
        Refusal = null;
        await ClaimAsync(id);
        await RefreshHistoryAsync();
    }

    /// <summary>An officer who opens a case takes it over: simulated staff leave it alone from then on (the engine records it once).</summary>
    private async Task ClaimAsync(string id)
    {
        // A case reported a moment ago may not be in the page's last snapshot yet; the claim must not depend on that.
        TakeNewerSnapshot();
        if (MayAct && Officer is not null && Find(id) is { IsClaimed: false }
            && (await Commands.SubmitAsync(new MarkTicketViewedCommand(id, Officer.Name))).Accepted)
        {
            TakeNewerSnapshot();
        }
    }

    private async Task SubmitAsync(DispatchCommand command)
    {
        Busy = true;
        try
        {
            var result = await Commands.SubmitAsync(command);
            TakeNewerSnapshot();
            Refusal = result.Accepted ? null : RefusalText.Of(result, command.Action, Selected?.Status, Evaluation, DepartmentName);
            if (result.Accepted)
            {
                TakeHistory(result);
            }
        }
        finally
        {
            Busy = false;
        }

        // Keys pressed while this action was being committed run now, against what it left.
        await _keys.ResumeAsync(RunShortcutAsync, StateHasChanged);
    }

    private void TakeNewerSnapshot()
    {
        if (Queries.Current is { } current && (Snapshot is null || current.Version > Snapshot.Version))
        {
            Snapshot = Scope.View(current);
        }
    }

    /// <summary>
    /// The selected ticket's steps this action added come with its answer: appended to the history
    /// already read, so the store is not asked again for what the console has just done.
    /// </summary>
    private void TakeHistory(CommandOutcome outcome)
    {
        var steps = outcome.Changes.OfType<TicketChanged>().Where(c => c.Ticket.Id == _historyId).ToList();
        if (steps.Count == 0)
        {
            return;
        }

        History = [.. History, .. steps.Select(c => c.Transition)];
        _historyUpdatedAt = steps[^1].Ticket.UpdatedAt;
    }

    /// <summary>A case filed at the desk opens at once, taken over by the officer who filed it.</summary>
    private async Task OnFiledAsync(string id)
    {
        ShowNewCase = false;
        TakeNewerSnapshot();
        await SelectAsync(id);
    }

    private async Task OpenFromFormAsync(string id)
    {
        ShowNewCase = false;
        await SelectAsync(id);
    }

    /// <summary>Reloads the selected ticket's history from the store when the ticket has changed since it was read.</summary>
    private async Task RefreshHistoryAsync()
    {
        if (Selected is not { } ticket)
        {
            History = [];
            _historyId = null;
            return;
        }

        if (ticket.Id == _historyId && ticket.UpdatedAt == _historyUpdatedAt)
        {
            return;
        }

        _historyId = ticket.Id;
        _historyUpdatedAt = ticket.UpdatedAt;
        History = await Queries.GetTicketHistoryAsync(ticket.Id);
    }

    private TicketState? Find(string id)
    {
        if (Snapshot is not { } snapshot)
        {
            return null;
        }

        if (_byIdVersion != snapshot.Version)
        {
            _byId = snapshot.Tickets.ToDictionary(t => t.Id, StringComparer.Ordinal);
            _byIdVersion = snapshot.Version;
        }

        return _byId.GetValueOrDefault(id);
    }

    /// <summary>
    /// The queue explains duplicate candidates and merged reports with the words stored on the
    /// report when it was judged, the same words its timeline shows; other tickets need none.
    /// </summary>
    private static string? ExplainInQueue(TicketState ticket) => ticket.DuplicateExplanation;

    private string CategoryName(string code) => Catalogue.Find(code) is { } c ? Language.Name(c.NameZh, c.NameEn) : code;

    private string DepartmentName(string department) => Catalogue.DepartmentName(department).Text(Language.Current);

    private string SubDistrictName(string code) => District.FindSubDistrict(code) is { } s ? Language.Name(s.Name, s.NameEn) : code;

    public void Dispose() => Feed.Updated -= OnSnapshot;

    /// <summary>The console's search, held to the account's scope.</summary>
    private Task<Twin.Data.Search.SearchResult> SearchAsync(Twin.Data.Search.SearchQuery query, CancellationToken ct) => Queries.SearchAsync(query, Scope, ct);
}
