using CommandCenter.Localization;
using Twin.Domain.Catalogue;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;
using Twin.Domain.Vocabulary;

namespace CommandCenter.Briefing;

/// <summary>Names the briefing's keys (categories, 街镇, departments, channels) in one language.</summary>
public sealed class BriefingNames(EventCatalogue catalogue, DistrictMap district)
{
    public string Category(Lang lang, string code) => catalogue.Find(code) is { } c ? lang.Pick(c.NameZh, c.NameEn) : code;

    public string SubDistrict(Lang lang, string code) => district.FindSubDistrict(code) is { } s ? lang.Pick(s.Name, s.NameEn) : code;

    public string Department(Lang lang, string department) => catalogue.DepartmentName(department).Text(lang);

    public static string Channel(Lang lang, string key) => Enum.TryParse<TicketChannel>(key, out var channel) ? Names.Of(channel).Text(lang) : key;

    public static string Status(Lang lang, TicketStatus status) => Names.Of(status).Text(lang);
}
