using Twin.Domain.Alarms;
using Twin.Domain.Catalogue;
using Twin.Domain.Tickets;

namespace Twin.Domain.Simulation;

/// <summary>
/// Simulated staff (<see cref="SimulatorOptions.SimulatedStaff"/>): which cases the simulator works
/// and which it leaves to people. Each case gets a fixed place in a line that starts with the most
/// urgent (tickets by priority, alarms by severity) and is spread evenly within its rank; simulated
/// staff take the tail of the line that the share covers, so lowering the share leaves the urgent
/// cases to people first. A case a person has claimed is never theirs, whatever the share.
/// </summary>
public sealed partial class TwinSimulator
{
    private static readonly int SeverityCount = Enum.GetValues<AlarmSeverity>().Length;

    private readonly double _staffShare;

    /// <summary>Per priority, most urgent first: where its tickets start in the line and how much of it they take.</summary>
    private readonly (double Start, double Share)[] _priorityLine;

    private bool StaffWork(TicketState ticket) => !ticket.IsClaimed && StaffWork(ticket.Id, ticket.Priority);

    private bool StaffWork(string ticketId, TicketPriority priority)
    {
        if (_staffShare >= 1 || _staffShare <= 0)
        {
            return _staffShare >= 1;
        }

        var (start, share) = _priorityLine[(int)TicketPriority.Urgent - (int)priority];
        return start + share * PlaceInRank(ticketId) >= 1 - _staffShare;
    }

    /// <summary>Alarms line up by severity in equal parts, critical first: the simulator does not know the mix of outside alarms.</summary>
    private bool StaffWork(AlarmState alarm)
    {
        if (alarm.ClaimedBy is not null || _staffShare <= 0)
        {
            return false;
        }

        var rank = (int)AlarmSeverity.Critical - (int)alarm.Severity;
        return _staffShare >= 1 || (rank + PlaceInRank(alarm.Id)) / SeverityCount >= 1 - _staffShare;
    }

    private double PlaceInRank(string id) => DeterministicNoise.Unit(_options.Seed, DeterministicNoise.StableHash(id), -6);

    /// <summary>
    /// The expected share of each priority among the simulated tickets, from the channel mix and the
    /// catalogue's default priorities, so that the staff's share of the line is their share of cases.
    /// </summary>
    private static (double Start, double Share)[] PriorityLine(EventCatalogue catalogue)
    {
        var byPriority = new double[Enum.GetValues<TicketPriority>().Length];
        foreach (var (_, channelWeight, categories) in ChannelMix)
        {
            var known = categories.Where(c => catalogue.Find(c.Code) is not null).ToArray();
            var total = known.Sum(c => c.Weight);
            foreach (var (code, weight) in known)
            {
                byPriority[(int)TicketPriority.Urgent - (int)catalogue.Find(code)!.DefaultPriority] += channelWeight * weight / total;
            }
        }

        var sum = byPriority.Sum();
        var line = new (double Start, double Share)[byPriority.Length];
        var start = 0.0;
        for (var rank = 0; rank < line.Length; rank++)
        {
            var share = sum > 0 ? byPriority[rank] / sum : 1.0 / line.Length;
            line[rank] = (start, share);
            start += share;
        }

        return line;
    }
}
