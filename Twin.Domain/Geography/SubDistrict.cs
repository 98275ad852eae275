using NetTopologySuite.Geometries;

namespace Twin.Domain.Geography;

/// <summary>A 街道 or 镇 of the district, with its NBS 2023 statistical code.</summary>
public sealed record SubDistrict(string Code, string Name, string NameEn, string Kind, double AreaKm2, Geometry Boundary)
{
    /// <summary>Where a report placed only by its 街镇 (no coordinates, no geocoder) is put: a point surely inside it.</summary>
    public GeoPoint Anchor
    {
        get
        {
            var point = Boundary.InteriorPoint;
            return new GeoPoint(point.X, point.Y);
        }
    }
}

/// <summary>A 居委会 or 村委会: code and name only; no public geometry exists for them.</summary>
public sealed record Neighbourhood(string Code, string Name, string SubDistrictCode);
