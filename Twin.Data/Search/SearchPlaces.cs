using Twin.Domain.Geography;

namespace Twin.Data.Search;

/// <summary>The district's searchable places: its 街镇 and 居委 by name.</summary>
public static class SearchPlaces
{
    public static IEnumerable<SearchPlace> Of(DistrictMap district) =>
        district.SubDistricts.Select(s => new SearchPlace(SearchPlace.SubDistrictKind, s.Code, s.Name, s.Code))
            .Concat(district.Neighbourhoods.Select(n => new SearchPlace(SearchPlace.NeighbourhoodKind, n.Code, n.Name, n.SubDistrictCode)));
}
