using Twin.Domain.Dispatch;
using Twin.Domain.Tickets;

namespace Twin.Domain.Engine;

/// <summary>评效: the loop's figures per department and per 街镇, computed from the tickets the engine holds.</summary>
public sealed partial class TwinEngine
{
    private DispatchFigures DispatchFigures(DateTimeOffset now)
    {
        var overall = new EvaluationTally();
        var byDepartment = new Dictionary<string, EvaluationTally>(StringComparer.Ordinal);
        var bySubDistrict = new Dictionary<string, EvaluationTally>(StringComparer.Ordinal);
        int supervised = 0, overdue = 0, candidates = 0;
        foreach (var ticket in _tickets.Values)
        {
            // A merged report counts against the department of the case it joined.
            var department = ticket.Status == TicketStatus.Merged
                ? _tickets.GetValueOrDefault(ticket.MergedIntoId ?? string.Empty)?.Department
                : ticket.Department;
            overall.Add(ticket);
            Tally(bySubDistrict, ticket.SubDistrictCode).Add(ticket);
            if (department is not null)
            {
                Tally(byDepartment, department).Add(ticket);
            }

            if (ticket.Status.IsOpen())
            {
                supervised += ticket.SupervisionLevel > 0 ? 1 : 0;
                overdue += ticket.StepDueAt < now ? 1 : 0;
                candidates += ticket.PossibleDuplicateOf is not null ? 1 : 0;
            }
        }

        return new DispatchFigures(
            overall.ToRow("all", "全区"),
            byDepartment.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Value.ToRow(kv.Key, kv.Key)).ToList(),
            bySubDistrict.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => kv.Value.ToRow(kv.Key, _district.FindSubDistrict(kv.Key)?.Name ?? kv.Key)).ToList(),
            supervised,
            overdue,
            candidates);
    }

    private static EvaluationTally Tally(Dictionary<string, EvaluationTally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tally = new EvaluationTally();
            tallies[key] = tally;
        }

        return tally;
    }
}
