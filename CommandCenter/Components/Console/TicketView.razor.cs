using Microsoft.AspNetCore.Components;
using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>
/// One ticket: details with the reporter masked, its history, and only the actions the loop's
/// rule table (<see cref="DispatchRules"/>) allows from its status. Commands go up to the page,
/// which submits them and reports a refusal back through <see cref="Refusal"/>.
/// </summary>
public sealed partial class TicketView
{
    private string? _viewing;
    private string? _reason;
    private string? _department;
    private string? _mergeInto;
    private int _supervisionLevel;

    [Parameter, EditorRequired]
    public TicketState? Ticket { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<TicketTransition> History { get; set; } = [];

    [Parameter, EditorRequired]
    public string Officer { get; set; } = string.Empty;

    [Parameter]
    public string? Refusal { get; set; }

    [Parameter]
    public bool Busy { get; set; }

    [Parameter, EditorRequired]
    public IReadOnlyList<string> Departments { get; set; } = [];

    [Parameter, EditorRequired]
    public Func<string, string> CategoryName { get; set; } = code => code;

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    [Parameter]
    public EventCallback<DispatchCommand> Submit { get; set; }

    private static readonly DispatchAction[] NeedReason =
        [DispatchAction.Refuse, DispatchAction.Reject, DispatchAction.Close, DispatchAction.Reopen, DispatchAction.Supervise, DispatchAction.Split];

    private IReadOnlyList<DispatchAction> LegalActions =>
        Ticket is { } t ? Enum.GetValues<DispatchAction>().Where(a => DispatchRules.IsLegal(a, t.Status)).ToList() : [];

    private bool NeedsInput => LegalActions.Any(a => NeedReason.Contains(a)
        || a is DispatchAction.Dispatch or DispatchAction.AddCoordinatingDepartment or DispatchAction.Merge or DispatchAction.Evaluate);

    private IReadOnlyList<int> NextSupervisionLevels =>
        Ticket is { } t ? Enumerable.Range(t.SupervisionLevel + 1, Math.Max(0, SupervisionLevels.Max - t.SupervisionLevel)).ToList() : [];

    private string? Note => string.IsNullOrWhiteSpace(_reason) ? null : _reason.Trim();

    private bool Legal(DispatchAction action) => LegalActions.Contains(action);

    protected override void OnParametersSet()
    {
        // The inputs belong to the ticket they were typed for; another ticket starts clean.
        if (Ticket?.Id != _viewing)
        {
            _viewing = Ticket?.Id;
            _reason = null;
            _department = null;
            _mergeInto = Ticket?.PossibleDuplicateOf;
            _supervisionLevel = 0;
        }

        if (!NextSupervisionLevels.Contains(_supervisionLevel))
        {
            _supervisionLevel = NextSupervisionLevels.FirstOrDefault();
        }
    }

    /// <summary>The command for <paramref name="action"/> from the inputs, or null while one it needs is missing.</summary>
    private DispatchCommand? Build(DispatchAction action, string id)
    {
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
            _ => null,
        };
    }

    private static string MissingInput(DispatchAction action) => action switch
    {
        DispatchAction.AddCoordinatingDepartment => "请选择协同部门",
        DispatchAction.Merge => "请填写并入的工单编号",
        DispatchAction.Supervise => "请填写督办原因（已是最高级别时不能再督办）",
        _ => "请填写原因",
    };
}
