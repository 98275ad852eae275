using Twin.Domain.Engine;
using Twin.Domain.Tickets;

namespace Twin.Domain.Simulation;

/// <summary>
/// Cases filed from alarms (AL-…, <see cref="TwinEngine.CaseIdFor"/>) are worked by simulated
/// departments as tickets are: from the step the case stands at, on its category's clock. A case a
/// person filed, opened or acted on is claimed (the engine records the claim and refuses simulated
/// staff on it), so in practice they take the cases the catalogue filed by itself (自动立案); the
/// share of simulated staff (<see cref="SimulatorOptions.SimulatedStaff"/>) counts as for tickets.
/// </summary>
public sealed partial class TwinSimulator
{
    private const string AlarmCasePrefix = "AL-";

    /// <summary>The open alarm cases already decided on (planned, or left to people), so each is decided once.</summary>
    private readonly HashSet<string> _alarmCasesDecided = new(StringComparer.Ordinal);

    private TwinSnapshot? _alarmCasesSource;

    private void TakeUpAlarmCases(DateTimeOffset origin, TwinSnapshot current)
    {
        if (ReferenceEquals(current, _alarmCasesSource))
        {
            return;
        }

        _alarmCasesSource = current;
        var open = current.Tickets.Where(t => t.Status.IsOpen() && t.Id.StartsWith(AlarmCasePrefix, StringComparison.Ordinal)).ToList();
        _alarmCasesDecided.IntersectWith(open.Select(t => t.Id));
        foreach (var ticket in open.Where(t => _alarmCasesDecided.Add(t.Id) && StaffWork(t)).OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            CarryOn(ticket, origin);
        }
    }
}
