using CommandCenter.Localization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Twin.Domain.Dispatch;
using Twin.Domain.Organisations;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// The actions the loop's rule table (<see cref="DispatchRules"/>) allows from the ticket's status
/// and the account's scope (<see cref="AccessScope.May"/>: a department's steps, a supervisor's
/// decisions), with the inputs they need. A command goes up through <see cref="Submit"/>; a keyboard shortcut
/// comes in through <see cref="TryInvokeAsync"/> and does what the button does.
/// </summary>
public sealed partial class TicketActions
{
    private static readonly DispatchAction[] NeedReason =
        [DispatchAction.Refuse, DispatchAction.Reject, DispatchAction.Close, DispatchAction.Reopen, DispatchAction.Supervise, DispatchAction.Split,
            DispatchAction.Reassign, DispatchAction.RecordHandling];

    private (string Id, TicketStatus Status)? _viewing;
    private string? _reason;
    private string? _department;
    private string? _mergeInto;
    private int _supervisionLevel;
    private MudTextField<string>? _reasonField;

    [Parameter, EditorRequired]
    public TicketState Ticket { get; set; } = default!;

    [Parameter, EditorRequired]
    public AccessScope Scope { get; set; } = default!;

    [Parameter, EditorRequired]
    public string Officer { get; set; } = string.Empty;

    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Whether a closed ticket still takes 满意 / 不满意; when not, <see cref="EvaluationClosedNote"/> says why none is offered.</summary>
    [Parameter]
    public bool EvaluationOpen { get; set; } = true;

    [Parameter]
    public string? EvaluationClosedNote { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<DepartmentChoice> Departments { get; set; } = [];

    // The chosen department shows by its label too; the value stays the engine's Chinese name.
    private string? DepartmentLabel(string? value) => Departments.FirstOrDefault(d => d.Value == value)?.Label ?? value;

    private static Lang Lang => Language.Current;

    [Parameter]
    public EventCallback<DispatchCommand> Submit { get; set; }

    /// <summary>Why the last shortcut did nothing (e.g. a reason is missing).</summary>
    private string? Hint { get; set; }

    private IReadOnlyList<DispatchAction> LegalActions =>
        Enum.GetValues<DispatchAction>().Where(a => DispatchRules.IsLegal(a, Ticket.Status) && Scope.May(a, Ticket) && (a != DispatchAction.Evaluate || EvaluationOpen)).ToList();

    /// <summary>A closed ticket past its evaluation window: why 满意 / 不满意 are not offered.</summary>
    private string? EvaluationNote => Ticket.Status == TicketStatus.Closed && !EvaluationOpen ? EvaluationClosedNote : null;

    private bool NeedsInput => LegalActions.Any(a => NeedReason.Contains(a)
        || a is DispatchAction.Dispatch or DispatchAction.AddCoordinatingDepartment or DispatchAction.Merge or DispatchAction.Evaluate);

    private bool ChoosesDepartment => Legal(DispatchAction.Dispatch) || Legal(DispatchAction.AddCoordinatingDepartment) || Legal(DispatchAction.Reassign);

    private IReadOnlyList<int> NextSupervisionLevels =>
        Enumerable.Range(Ticket.SupervisionLevel + 1, Math.Max(0, SupervisionLevels.Max - Ticket.SupervisionLevel)).ToList();

    private string? Note => string.IsNullOrWhiteSpace(_reason) ? null : _reason.Trim();

    private bool Legal(DispatchAction action) => LegalActions.Contains(action);

    protected override void OnParametersSet()
    {
        // The inputs belong to the ticket and step they were typed for: another ticket, or the next
        // step of this one, starts clean.
        if ((Ticket.Id, Ticket.Status) != _viewing)
        {
            _viewing = (Ticket.Id, Ticket.Status);
            _reason = null;
            _department = null;
            _mergeInto = Ticket.PossibleDuplicateOf;
            _supervisionLevel = 0;
            Hint = null;
        }

        if (!NextSupervisionLevels.Contains(_supervisionLevel))
        {
            _supervisionLevel = NextSupervisionLevels.FirstOrDefault();
        }
    }

    /// <summary>
    /// A shortcut's action: submitted when legal and complete; otherwise a hint says why not, and
    /// the cursor goes to the reason when that is what is missing.
    /// </summary>
    public async Task TryInvokeAsync(Shortcut shortcut)
    {
        if (shortcut.Action is not { } action)
        {
            return;
        }

        if (Busy)
        {
            Hint = ConsoleText.ActionInFlight;
            StateHasChanged();
            return;
        }

        if (!Legal(action))
        {
            // Past the evaluation window the note beside the actions already says why Y does nothing.
            Hint = action == DispatchAction.Evaluate && EvaluationNote is not null ? null
                : DispatchRules.IsLegal(action, Ticket.Status) ? ConsoleText.NotThisAccounts(action)
                : ConsoleText.NotInThisState(action, Ticket.Status);
            StateHasChanged();
            return;
        }

        var command = shortcut.Command == ShortcutCommand.EvaluateSatisfied
            ? new EvaluateTicketCommand(Ticket.Id, Officer, true, Note)
            : Build(action);
        if (command is null)
        {
            Hint = MissingInput(action);
            StateHasChanged();
            if (_reasonField is not null && NeedReason.Contains(action))
            {
                await _reasonField.FocusAsync();
            }

            return;
        }

        Hint = null;
        await Submit.InvokeAsync(command);
    }

    /// <summary>The command for <paramref name="action"/> from the inputs, or null while one it needs is missing.</summary>
    private DispatchCommand? Build(DispatchAction action)
    {
        var id = Ticket.Id;
        var reason = Note;
        var department = string.IsNullOrWhiteSpace(_department) ? null : _department;
        return action switch
        {
            DispatchAction.File => new FileTicketCommand(id, Officer, reason),
            DispatchAction.Dispatch => new DispatchTicketCommand(id, Officer, department),
            DispatchAction.Accept => new AcceptDispatchCommand(id, Officer),
            DispatchAction.AddCoordinatingDepartment => department is null ? null : new AddCoordinatingDepartmentCommand(id, Officer, department),
            DispatchAction.SubmitForReview => new SubmitForReviewCommand(id, Officer, reason),
            DispatchAction.Approve => new ApproveReviewCommand(id, Officer, reason),
            DispatchAction.Merge => string.IsNullOrWhiteSpace(_mergeInto) ? null : new MergeTicketCommand(id, Officer, _mergeInto.Trim()),
            DispatchAction.Supervise => reason is null || _supervisionLevel == 0 ? null : new SuperviseTicketCommand(id, Officer, _supervisionLevel, reason),
            _ when reason is null => null,
            DispatchAction.Refuse => new RefuseDispatchCommand(id, Officer, reason),
            DispatchAction.Reject => new RejectReviewCommand(id, Officer, reason),
            DispatchAction.Close => new CloseTicketCommand(id, Officer, reason),
            DispatchAction.Reopen => new ReopenTicketCommand(id, Officer, reason),
            DispatchAction.Split => new SplitTicketCommand(id, Officer, reason),
            DispatchAction.RecordHandling => new RecordHandlingCommand(id, Officer, reason),
            DispatchAction.Reassign => department is null ? null : new ReassignTicketCommand(id, Officer, department, reason),
            _ => null,
        };
    }

    private string MissingInput(DispatchAction action) => action switch
    {
        DispatchAction.AddCoordinatingDepartment => ConsoleText.ChooseCoordinatingDepartment,
        DispatchAction.Reassign => ConsoleText.ChooseDepartmentAndReason,
        DispatchAction.Merge => ConsoleText.EnterCaseToMergeInto,
        DispatchAction.Supervise => ConsoleText.EnterSupervisionReason,
        _ => ConsoleText.EnterReason,
    };
}
