namespace Twin.Domain.Geography;

/// <summary>A metro station (WGS-84, converted from the GCJ-02 source; positions are the source's, not surveyed).</summary>
public sealed record MetroStation(string Name, GeoPoint Location);
