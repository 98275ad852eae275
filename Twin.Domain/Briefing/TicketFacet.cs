using Twin.Domain.Tickets;

namespace Twin.Domain.Briefing;

/// <summary>Which of a period's reports are behind a briefing figure: all, or those of one channel, category, department or 街镇.</summary>
public enum TicketFacet
{
    All,
    Channel,
    Category,
    Department,
    SubDistrict,
}

public static class TicketFacets
{
    /// <summary>Whether <paramref name="ticket"/> counts in the figure of <paramref name="facet"/>'s <paramref name="key"/>, as 评效 counts it.</summary>
    public static bool Holds(this TicketFacet facet, string key, TicketState ticket, Func<string, string?> mergedInto) => facet switch
    {
        TicketFacet.All => true,
        TicketFacet.Channel => ticket.Channel.ToString() == key,
        TicketFacet.Category => ticket.CategoryCode == key,
        TicketFacet.Department => PeriodEvaluation.DepartmentOf(ticket, mergedInto) == key,
        TicketFacet.SubDistrict => ticket.SubDistrictCode == key,
        _ => false,
    };
}
