using CommandCenter.Localization;
using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Twin.Data.Boundary;
using Twin.Domain.Catalogue;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;
using Twin.Domain.Time;

namespace CommandCenter.Components.Console.Intake;

/// <summary>
/// 新建工单: a case that reached the desk by phone, letter or visit, filed by the officer. Keyboard
/// first (focus starts on the channel, given in the browser by consolekeys.js as soon as the form is
/// on the page, with whatever was typed since N; Tab moves on, Enter files, Esc closes through the
/// console's keyboard). While the officer types, the engine's duplicate rules judge the draft against the open
/// cases and say which case it would join or duplicate, and why. Filing goes through
/// <see cref="IOfficerCommands"/> as a <see cref="ReportTicketCommand"/>, the path every channel takes.
/// </summary>
public sealed partial class NewCaseForm
{
    // Made once per form, so pressing Enter twice files one case: the writer answers the second as a replay.
    private readonly string _id = $"D-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
    private IReadOnlyList<DeskPlace> _places = [];
    private IReadOnlyList<MapMarker>? _sensors;
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private int _assessing;

    [Inject]
    private IOfficerCommands Commands { get; set; } = default!;

    [Inject]
    private ITwinQueries Queries { get; set; } = default!;

    [Inject]
    private EventCatalogue Catalogue { get; set; } = default!;

    [Inject]
    private DistrictMap District { get; set; } = default!;

    [Inject]
    private TwinClock Clock { get; set; } = default!;

    /// <summary>The form is done with (cancelled, or Esc).</summary>
    [Parameter]
    public EventCallback Close { get; set; }

    /// <summary>The case was filed: its id, to open it.</summary>
    [Parameter]
    public EventCallback<string> Filed { get; set; }

    /// <summary>The officer asked to look at the case the draft duplicates.</summary>
    [Parameter]
    public EventCallback<string> OpenCase { get; set; }

    private static Lang Lang => Language.Current;

    private static IReadOnlyList<Twin.Domain.Tickets.TicketChannel> DeskChannels => DeskCase.Channels;

    private Twin.Domain.Tickets.TicketChannel Channel { get; set; } = Twin.Domain.Tickets.TicketChannel.DeskCall;

    private EventCategory? Category { get; set; }

    private DeskPlace? Place { get; set; }

    private string? Address { get; set; }

    private string? Description { get; set; }

    private string? CallerName { get; set; }

    private string? CallerPhone { get; set; }

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    private (DuplicateMatch Match, string Text)? Suggestion { get; set; }

    private DeskCase Draft => new(Channel, Category, Place, Address, Description, CallerName, CallerPhone);

    protected override void OnInitialized() => _places = DeskPlace.Of(District);

    /// <summary>A point clicked on the form's map: the place becomes that point, in the 街镇 the geodata puts it in.</summary>
    private async Task OnMapPicked(GeoPoint point)
    {
        var place = DeskPlace.At(District, point);
        var errors = new Dictionary<string, string>(_errors, StringComparer.Ordinal);
        errors.Remove("place");
        if (place is null)
        {
            errors["place"] = NewCaseText.OutsideDistrict;
        }
        else
        {
            Place = place;
        }

        _errors = errors;
        await Reassess();
    }

    /// <summary>The open cases the form's map shows, so the officer sees what is already reported nearby.</summary>
    private IReadOnlyList<TicketState> OpenTickets =>
        Queries.IsReady ? [.. Queries.Current.Tickets.Where(t => t.Status.IsOpen())] : [];

    // The map takes its sensors once, when it starts: not rebuilt at every keystroke's render.
    private IReadOnlyList<MapMarker> Sensors =>
        (_sensors ??= Queries.IsReady ? TicketSurroundings.Sensors(Queries.Current, Language.Current) : null) ?? [];

    private Task<IEnumerable<EventCategory>> SearchCategories(string? text, CancellationToken ct)
    {
        var query = text?.Trim() ?? string.Empty;
        return Task.FromResult(Catalogue.Categories.Where(c => query.Length == 0
            || c.NameZh.Contains(query, StringComparison.OrdinalIgnoreCase)
            || c.NameEn.Contains(query, StringComparison.OrdinalIgnoreCase)
            || c.Code.Contains(query, StringComparison.OrdinalIgnoreCase)
            || c.Keywords.Any(k => k.Contains(query, StringComparison.OrdinalIgnoreCase))));
    }

    private Task<IEnumerable<DeskPlace>> SearchPlaces(string? text, CancellationToken ct)
    {
        var query = text?.Trim() ?? string.Empty;
        return Task.FromResult(_places.Where(p => query.Length == 0
            || p.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
            || (p.Neighbourhood is null && p.SubDistrict.NameEn.Contains(query, StringComparison.OrdinalIgnoreCase))));
    }

    private static string CategoryLabel(EventCategory? category) =>
        category is null ? string.Empty : Language.Name(category.NameZh, category.NameEn);

    private static string PlaceLabel(DeskPlace? place) =>
        place is null ? string.Empty
        : place.Point is { } point ? NewCaseText.PickedPlace(Language.Name(place.SubDistrict.Name, place.SubDistrict.NameEn), point)
        : place.Neighbourhood is null ? Language.Name(place.SubDistrict.Name, place.SubDistrict.NameEn) : place.Name;

    /// <summary>Judges the draft again as it changes; an older answer that arrives late is dropped.</summary>
    private async Task Reassess()
    {
        var draft = Draft;
        var turn = ++_assessing;
        if (draft.Category is not { } category || draft.Place is not { } place || draft.Text.Length == 0)
        {
            Suggestion = null;
            return;
        }

        var match = await Queries.FindDuplicateOfDraftAsync(new DuplicateDraft(category.Code, place.Location, Clock.GetUtcNow(), draft.Text));
        if (turn != _assessing)
        {
            return;
        }

        Suggestion = match is null ? null : (match, Explain(match, category));
    }

    private string Explain(DuplicateMatch match, EventCategory draftCategory)
    {
        var matched = Queries.Current.Tickets.FirstOrDefault(t => t.Id == match.MatchedTicketId);
        var category = matched is null ? draftCategory : Catalogue.Find(matched.CategoryCode) ?? draftCategory;
        var sameCategory = category.Code == draftCategory.Code;
        var name = sameCategory ? CategoryLabel(draftCategory) : $"{CategoryLabel(category)}↔{CategoryLabel(draftCategory)}";
        return NewCaseText.Duplicate(match, sameCategory, name);
    }

    /// <summary>Enter in the report files the case (Shift+Enter starts a new line).</summary>
    private Task OnDescriptionKeyAsync(KeyboardEventArgs e) =>
        e is { Key: "Enter", ShiftKey: false } ? SubmitAsync() : Task.CompletedTask;

    private async Task SubmitAsync()
    {
        if (Busy)
        {
            return;
        }

        var draft = Draft;
        _errors = draft.Problems();
        Refusal = null;
        if (_errors.Count > 0)
        {
            return;
        }

        Busy = true;
        try
        {
            var outcome = await Commands.SubmitAsync(new ReportTicketCommand(draft.ToReport(_id, Clock.GetUtcNow())));
            if (outcome.Exists)
            {
                await Filed.InvokeAsync(outcome.Id ?? _id);
                return;
            }

            Refusal = NewCaseText.Refused(RefusalText.Of(outcome, ConsoleText.ActionRefused));
        }
        finally
        {
            Busy = false;
        }
    }
}
