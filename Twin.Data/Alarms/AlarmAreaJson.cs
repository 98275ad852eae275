using System.Text.Json;
using Twin.Domain.Alarms;
using Twin.Domain.Geography;

namespace Twin.Data.Alarms;

/// <summary>
/// How an <see cref="AlarmArea"/> is stored: a GeoJSON Polygon (<c>[lon, lat]</c> rings) or
/// <c>{"type":"Circle","center":[lon,lat],"radius":metres}</c> (GeoJSON has no circle).
/// </summary>
public static class AlarmAreaJson
{
    public static string Write(AlarmArea area)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (area.Centre is { } centre)
            {
                json.WriteString("type", "Circle");
                json.WriteStartArray("center");
                json.WriteNumberValue(centre.Lon);
                json.WriteNumberValue(centre.Lat);
                json.WriteEndArray();
                json.WriteNumber("radius", area.RadiusMetres);
            }
            else
            {
                json.WriteString("type", "Polygon");
                json.WriteStartArray("coordinates");
                foreach (var ring in area.Rings ?? [])
                {
                    json.WriteStartArray();
                    foreach (var p in ring)
                    {
                        json.WriteStartArray();
                        json.WriteNumberValue(p.Lon);
                        json.WriteNumberValue(p.Lat);
                        json.WriteEndArray();
                    }

                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static AlarmArea Read(string text)
    {
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        if (root.GetProperty("type").GetString() == "Circle")
        {
            var c = root.GetProperty("center");
            return AlarmArea.Circle(new GeoPoint(c[0].GetDouble(), c[1].GetDouble()), root.GetProperty("radius").GetDouble());
        }

        var rings = root.GetProperty("coordinates").EnumerateArray()
            .Select(ring => (IReadOnlyList<GeoPoint>)ring.EnumerateArray().Select(p => new GeoPoint(p[0].GetDouble(), p[1].GetDouble())).ToList())
            .ToList();
        return AlarmArea.Polygon(rings);
    }
}
