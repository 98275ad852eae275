using Twin.Domain.Catalogue;
using Twin.Domain.Geography;
using Twin.Domain.Tickets;

namespace CommandCenter.Components.Console.Intake;

/// <summary>
/// A place the desk can name without a geocoder: a 街镇, or a 居委 within it, or a point picked on the
/// form's map (its 街镇 derived from the district's geodata). A named place puts the report at the
/// 街镇's anchor point, as Open311 places an address that names a 街镇; a 居委 adds its code; a
/// picked point puts it where it was picked.
/// </summary>
public sealed record DeskPlace(SubDistrict SubDistrict, Neighbourhood? Neighbourhood, GeoPoint? Point = null)
{
    public string Name => Neighbourhood is { } n ? $"{n.Name}（{SubDistrict.Name}）" : SubDistrict.Name;

    /// <summary>Where the report goes: the picked point, else the 街镇's anchor.</summary>
    public GeoPoint Location => Point ?? SubDistrict.Anchor;

    /// <summary>The place at a point picked on the map, or null when the point is outside every 街镇 of Putuo.</summary>
    public static DeskPlace? At(DistrictMap district, GeoPoint point) =>
        district.SubDistrictAt(point) is { } subDistrict ? new DeskPlace(subDistrict, null, point) : null;

    public static IReadOnlyList<DeskPlace> Of(DistrictMap district) =>
        [.. district.SubDistricts.Select(s => new DeskPlace(s, null)),
            .. district.Neighbourhoods.Where(n => district.FindSubDistrict(n.SubDistrictCode) is not null)
                .Select(n => new DeskPlace(district.FindSubDistrict(n.SubDistrictCode)!, n))];
}

/// <summary>
/// What the officer typed into the new-case form, checked field by field (the same limits and phone
/// rule as Open311 intake) and turned into the report the engine takes: the reporter goes in clear
/// to the engine, which masks it, and the store encrypts it, exactly as for every channel.
/// </summary>
public sealed record DeskCase(
    TicketChannel Channel, EventCategory? Category, DeskPlace? Place, string? Address, string? Description, string? CallerName, string? CallerPhone)
{
    public const int MaxDescription = 4000;
    public const int MaxAddress = 250;
    public const int MaxName = 100;
    public const int MaxPhone = 30;

    /// <summary>The desk's own channels: how a case reaches the officer directly.</summary>
    public static IReadOnlyList<TicketChannel> Channels { get; } = [.. Enum.GetValues<TicketChannel>().Where(c => c.IsDesk())];

    /// <summary>Each field's problem (field → message in the desk's language); empty when the case may be filed.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Category is null)
        {
            problems["category"] = NewCaseText.ChooseCategory;
        }

        if (Place is null)
        {
            problems["place"] = NewCaseText.ChoosePlace;
        }

        if (Clean(Description) is not { } description)
        {
            problems["description"] = NewCaseText.EnterDescription;
        }
        else if (description.Length > MaxDescription)
        {
            problems["description"] = NewCaseText.DescriptionTooLong(MaxDescription);
        }

        if (Clean(Address)?.Length > MaxAddress)
        {
            problems["address"] = NewCaseText.AddressTooLong(MaxAddress);
        }

        if (Clean(CallerName)?.Length > MaxName)
        {
            problems["name"] = NewCaseText.NameTooLong(MaxName);
        }

        if (Clean(CallerPhone) is { } phone && (phone.Length > MaxPhone || !Reporter.IsPhoneNumber(phone)))
        {
            problems["phone"] = NewCaseText.BadPhone;
        }

        return problems;
    }

    /// <summary>The report to file under <paramref name="id"/>; call only when <see cref="Problems"/> is empty.</summary>
    public TicketReport ToReport(string id, DateTimeOffset now)
    {
        var (category, place) = (Category!, Place!);
        var description = Clean(Description)!;
        return new TicketReport(
            id,
            Channel,
            category.Code,
            TicketReport.TitleFrom(description, category.NameZh),
            description,
            place.Location,
            Clean(Address) ?? place.Name,
            place.Neighbourhood?.Code,
            new Reporter(Clean(CallerName), Clean(CallerPhone)),
            now);
    }

    /// <summary>What the duplicate rules compare, as the engine will: title and description together.</summary>
    public string Text => Clean(Description) is { } d && Category is { } c ? TicketReport.TitleFrom(d, c.NameZh) + d : string.Empty;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
