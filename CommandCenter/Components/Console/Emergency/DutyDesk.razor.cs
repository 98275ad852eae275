using Microsoft.AspNetCore.Components;
using Twin.Domain.Emergency;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// 值班表 at the emergency desk: who is on duty in each role this shift and every department's duty
/// room, phones masked until revealed (each reveal audited), so an officer working the plan can call
/// the department a step belongs to.
/// </summary>
public sealed partial class DutyDesk
{
    [Inject]
    private DutyRoster Roster { get; set; } = default!;

    /// <summary>Twin time, for the shift on duty.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    private IReadOnlyList<DutyAssignment> OnDuty => Roster.OnDutyAt(Now);
}
