namespace Twin.Domain.Geography;

/// <summary>A WGS-84 position in degrees.</summary>
public readonly record struct GeoPoint(double Lon, double Lat)
{
    public bool IsFinite => double.IsFinite(Lon) && double.IsFinite(Lat);

    public bool IsValidWgs84 => IsFinite && Lon is >= -180 and <= 180 && Lat is >= -90 and <= 90;

    public override string ToString() => FormattableString.Invariant($"{Lat:F6}N {Lon:F6}E");
}
