using Twin.Domain.Geography;

namespace Twin.Domain.Cameras;

/// <summary>A connected video channel; <paramref name="Ai"/> marks the 高空抛物 (thrown-object) AI cameras.</summary>
public sealed record Camera(string Id, string Name, GeoPoint Location, string SubDistrictCode, bool Ai);
