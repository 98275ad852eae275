using CommandCenter.Live;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Dispatch;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// The duty officers' console (值班台): the queue, the selected ticket with its history and legal
/// actions, and 评效. Snapshots come from <see cref="WallFeed"/>, already coalesced; commands go
/// through the pipeline, whose answer comes after the change is committed.
/// </summary>
public sealed partial class ConsolePage : IDisposable
{
    /// <summary>Who the history names for the console's actions, until officers sign in.</summary>
    public const string Officer = "值班员";

    private string? _historyId;
    private DateTimeOffset _historyUpdatedAt;

    [Inject]
    private WallFeed Feed { get; set; } = default!;

    [Inject]
    private TwinRuntime Runtime { get; set; } = default!;

    private TwinSnapshot? Snapshot { get; set; }

    private QueueFilter Filter { get; set; } = new();

    private string? SelectedId { get; set; }

    private IReadOnlyList<TicketTransition> History { get; set; } = [];

    private string? Refusal { get; set; }

    private bool Busy { get; set; }

    private DateTimeOffset Now => Runtime.Clock.GetUtcNow();

    private IReadOnlyList<TicketState> Queue => Snapshot is { } s ? Filter.Apply(s.Tickets, Now) : [];

    private TicketState? Selected => Snapshot?.Tickets.FirstOrDefault(t => t.Id == SelectedId);

    private IReadOnlyList<Choice> Channels { get; } =
        [new(string.Empty, "全部"), .. Enum.GetValues<TicketChannel>().Select(c => new Choice(c.ToString(), ConsoleText.Channel(c)))];

    private IReadOnlyList<Choice> Statuses { get; } =
        [new(QueueFilter.OpenOnly, "未结案"), new(string.Empty, "全部"), .. Enum.GetValues<TicketStatus>().Select(s => new Choice(s.ToString(), ConsoleText.Status(s)))];

    private IReadOnlyList<Choice> Categories { get; set; } = [];

    private IReadOnlyList<Choice> SubDistricts { get; set; } = [];

    private IReadOnlyList<string> Departments { get; set; } = [];

    protected override async Task OnInitializedAsync()
    {
        Categories = [new(string.Empty, "全部"), .. Runtime.Catalogue.Categories.Select(c => new Choice(c.Code, c.NameZh))];
        SubDistricts = [new(string.Empty, "全部"), .. Runtime.District.SubDistricts.Select(s => new Choice(s.Code, s.Name))];
        Departments = Runtime.Catalogue.Categories
            .SelectMany(c => (c.DepartmentBySubDistrict?.Values ?? []).Prepend(c.Department))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Snapshot = Feed.Current ?? (Runtime.Ready.IsCompletedSuccessfully ? Runtime.Pipeline.Current : null);
        Feed.Updated += OnSnapshot;
        await RefreshHistoryAsync();
    }

    private void OnSnapshot(TwinSnapshot snapshot) => InvokeAsync(async () =>
    {
        // A command's own commit may already have shown a newer snapshot than the feed's.
        if (Snapshot is null || snapshot.Version > Snapshot.Version)
        {
            Snapshot = snapshot;
            await RefreshHistoryAsync();
            StateHasChanged();
        }
    });

    private void OnFilterChanged(QueueFilter filter) => Filter = filter;

    private async Task SelectAsync(string id)
    {
        SelectedId = id;
        Refusal = null;
        await RefreshHistoryAsync();
    }

    private async Task SubmitAsync(DispatchCommand command)
    {
        Busy = true;
        try
        {
            var result = await Runtime.Pipeline.SubmitAsync(command);
            Refusal = result.Accepted ? null : result.Reason ?? "操作被拒绝";
            if (result.Accepted && Runtime.Pipeline.Current is { } current && (Snapshot is null || current.Version > Snapshot.Version))
            {
                Snapshot = current;
            }

            await RefreshHistoryAsync();
        }
        finally
        {
            Busy = false;
        }
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
        History = await Runtime.Store.GetTicketHistoryAsync(ticket.Id);
    }

    private string CategoryName(string code) => Runtime.Catalogue.Find(code)?.NameZh ?? code;

    private string SubDistrictName(string code) => Runtime.District.FindSubDistrict(code)?.Name ?? code;

    public void Dispose() => Feed.Updated -= OnSnapshot;
}
