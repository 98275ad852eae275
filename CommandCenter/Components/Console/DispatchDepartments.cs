using CommandCenter.Localization;
using Twin.Domain.Catalogue;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console;

/// <summary>Why a department stands where it does in the dispatch picker.</summary>
public enum DepartmentFit
{
    /// <summary>On the case's responsibility list (责任清单) in its 街镇 and has not refused it.</summary>
    DutyList,

    /// <summary>Owns a category the catalogue relates to the case's (one problem often reported under either).</summary>
    Related,
    Other,

    /// <summary>Refused this case (退单): offered last, named as such, still choosable after a talk.</summary>
    Refused,
}

/// <summary>One department in the dispatch picker: the engine's Chinese name, its label in the page's language, and its fit.</summary>
public sealed record DepartmentChoice(string Value, string Label, DepartmentFit Fit);

/// <summary>
/// The dispatch picker's departments for one case, most likely owner first: its responsibility
/// list, then the owners of related categories, then every other department, and those that
/// refused the case last. After a 退单 the officer then finds the likely new owner at the top
/// instead of searching an alphabetical list of some forty names.
/// </summary>
public static class DispatchDepartments
{
    public static IReadOnlyList<DepartmentChoice> For(TicketState ticket, EventCatalogue catalogue, Func<string, string> label)
    {
        var refused = ticket.RefusedDepartmentList;
        var fit = new Dictionary<string, DepartmentFit>(StringComparer.Ordinal);
        void Add(string department, DepartmentFit f) => fit.TryAdd(department, refused.Contains(department) ? DepartmentFit.Refused : f);

        if (catalogue.Find(ticket.CategoryCode) is { } category)
        {
            foreach (var department in category.ResponsibleFor(ticket.SubDistrictCode))
            {
                Add(department, DepartmentFit.DutyList);
            }
        }

        foreach (var related in catalogue.RelatedTo(ticket.CategoryCode).Select(catalogue.Find).OfType<EventCategory>())
        {
            foreach (var department in related.ResponsibleFor(ticket.SubDistrictCode))
            {
                Add(department, DepartmentFit.Related);
            }
        }

        foreach (var department in catalogue.Departments.Concat(refused))
        {
            Add(department, DepartmentFit.Other);
        }

        // Within a group the catalogue's order (the duty list's own order first) for the first two, the name's for the rest.
        var order = fit.Keys.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        return fit
            .OrderBy(kv => kv.Value)
            .ThenBy(kv => kv.Value is DepartmentFit.DutyList or DepartmentFit.Related ? order[kv.Key] : 0)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new DepartmentChoice(kv.Key, label(kv.Key), kv.Value))
            .ToList();
    }

    /// <summary>The note beside a department in the picker; none for the others.</summary>
    public static string? Note(DepartmentFit fit, Lang lang) => fit switch
    {
        DepartmentFit.DutyList => lang.Pick("责任清单", "duty list"),
        DepartmentFit.Related => lang.Pick("相关事项", "related category"),
        DepartmentFit.Refused => lang.Pick("已退单", "refused it"),
        _ => null,
    };
}
