using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using CommandCenter.Ingestion.Common;

namespace CommandCenter.Ingestion.Cap;

/// <summary>The parts of an OASIS CAP 1.2 alert the twin uses. Coordinates are as sent: (lat, lon) in the stated datum.</summary>
public sealed record CapMessage(
    string Identifier,
    string Sender,
    DateTimeOffset Sent,
    string Status,
    string MsgType,
    IReadOnlyList<string> References,
    CapInfo? Info)
{
    public const string Namespace = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The message's identity across systems (CAP's references use sender and identifier).</summary>
    public string Key => $"{Sender},{Identifier}";

    private static readonly XNamespace Ns = Namespace;
    private static readonly string[] Statuses = ["Actual", "Exercise", "System", "Test", "Draft"];
    private static readonly string[] MsgTypes = ["Alert", "Update", "Cancel", "Ack", "Error"];
    private static readonly string[] Scopes = ["Public", "Restricted", "Private"];
    private static readonly string[] Urgencies = ["Immediate", "Expected", "Future", "Past", "Unknown"];
    private static readonly string[] Severities = ["Extreme", "Severe", "Moderate", "Minor", "Unknown"];
    private static readonly string[] Certainties = ["Observed", "Likely", "Possible", "Unlikely", "Unknown"];

    /// <summary>
    /// Parses and checks a CAP 1.2 document. No DTD, no external entities, bounded size: the XML
    /// reader is locked down because the body comes from outside.
    /// </summary>
    public static CapMessage? Parse(byte[] body, out string? problem)
    {
        problem = null;
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 0,
                MaxCharactersInDocument = 4 * 1024 * 1024,
            };
            using var reader = XmlReader.Create(new MemoryStream(body), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            problem = $"The body is not well-formed XML: {ex.Message}";
            return null;
        }

        var alert = document.Root;
        if (alert is null || alert.Name != Ns + "alert")
        {
            problem = $"The root element must be <alert xmlns=\"{Namespace}\"> (CAP 1.2).";
            return null;
        }

        try
        {
            return Read(alert);
        }
        catch (CapFormatException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    private static CapMessage Read(XElement alert)
    {
        var identifier = Required(alert, "identifier");
        var sender = Required(alert, "sender");
        foreach (var (name, value) in new[] { ("identifier", identifier), ("sender", sender) })
        {
            if (value.Length > 200 || value.Any(c => char.IsWhiteSpace(c) || c is ',' or '<' or '&'))
            {
                throw new CapFormatException($"<{name}> must not hold spaces, commas, < or & and must be at most 200 characters.");
            }
        }

        if (!IsoTime.TryParse(Required(alert, "sent"), out var sent))
        {
            throw new CapFormatException("<sent> must be a date-time with its offset, e.g. 2026-11-30T08:00:00+08:00.");
        }

        var status = OneOf(alert, "status", Statuses);
        var msgType = OneOf(alert, "msgType", MsgTypes);
        OneOf(alert, "scope", Scopes);

        var references = new List<string>();
        if (Optional(alert, "references") is { } text)
        {
            foreach (var reference in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = reference.Split(',');
                if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
                {
                    throw new CapFormatException($"<references> entry '{reference}' is not sender,identifier,sent.");
                }

                references.Add($"{parts[0]},{parts[1]}");
            }
        }

        if (msgType is "Update" or "Cancel" && references.Count == 0)
        {
            throw new CapFormatException($"A {msgType} must name the messages it refers to in <references>.");
        }

        var infos = alert.Elements(Ns + "info").ToList();
        if (msgType is "Alert" or "Update" && infos.Count == 0)
        {
            throw new CapFormatException($"An {msgType} needs at least one <info>.");
        }

        // Prefer Chinese text for the wall when the alert is multilingual.
        var info = infos.FirstOrDefault(i => Optional(i, "language")?.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true) ?? infos.FirstOrDefault();
        return new CapMessage(identifier, sender, sent, status, msgType, references, info is null ? null : ReadInfo(info));
    }

    private static CapInfo ReadInfo(XElement info)
    {
        if (!info.Elements(Ns + "category").Any())
        {
            throw new CapFormatException("<info> needs at least one <category>.");
        }

        var eventText = Required(info, "event");
        var urgency = OneOf(info, "urgency", Urgencies);
        var severity = OneOf(info, "severity", Severities);
        var certainty = OneOf(info, "certainty", Certainties);
        var polygons = new List<IReadOnlyList<(double Lat, double Lon)>>();
        var circles = new List<((double Lat, double Lon) Centre, double RadiusKm)>();
        var descriptions = new List<string>();
        foreach (var area in info.Elements(Ns + "area"))
        {
            descriptions.Add(Required(area, "areaDesc"));
            foreach (var polygon in area.Elements(Ns + "polygon"))
            {
                polygons.Add(ReadPolygon(polygon.Value));
            }

            foreach (var circle in area.Elements(Ns + "circle"))
            {
                circles.Add(ReadCircle(circle.Value));
            }
        }

        if (polygons.Count + circles.Count == 0)
        {
            throw new CapFormatException("The <info> has no <area> with a <polygon> or <circle>; the twin draws alerts by their geometry (geocodes are not resolved).");
        }

        DateTimeOffset? expires = null;
        if (Optional(info, "expires") is { } expiresText)
        {
            expires = IsoTime.TryParse(expiresText, out var at)
                ? at
                : throw new CapFormatException("<expires> must be a date-time with its offset, e.g. 2026-11-30T20:00:00+08:00.");
        }

        return new CapInfo(eventText, urgency, severity, certainty, Optional(info, "headline"), string.Join("、", descriptions), polygons, circles)
        {
            Expires = expires,
        };
    }

    private static IReadOnlyList<(double Lat, double Lon)> ReadPolygon(string text)
    {
        var points = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(ReadPair).ToList();
        if (points.Count < 4 || points[0] != points[^1])
        {
            throw new CapFormatException("A <polygon> needs at least four lat,lon pairs, the last equal to the first.");
        }

        return points;
    }

    private static ((double Lat, double Lon) Centre, double RadiusKm) ReadCircle(string text)
    {
        var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var radius) ||
            !double.IsFinite(radius) || radius < 0)
        {
            throw new CapFormatException("A <circle> is 'lat,lon radius' with the radius in km, 0 or more.");
        }

        return (ReadPair(parts[0]), radius);
    }

    private static (double Lat, double Lon) ReadPair(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != 2 ||
            !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
            !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ||
            !double.IsFinite(lat) || !double.IsFinite(lon) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
        {
            throw new CapFormatException($"'{Clip(text)}' is not a lat,lon pair in degrees (lat within ±90, lon within ±180).");
        }

        return (lat, lon);
    }

    private static string Required(XElement parent, string name) =>
        Optional(parent, name) ?? throw new CapFormatException($"<{parent.Name.LocalName}> needs <{name}>.");

    private static string? Optional(XElement parent, string name)
    {
        var elements = parent.Elements(Ns + name).ToList();
        if (elements.Count > 1)
        {
            throw new CapFormatException($"<{parent.Name.LocalName}> has more than one <{name}>.");
        }

        var value = elements.FirstOrDefault()?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string OneOf(XElement parent, string name, string[] allowed)
    {
        var value = Required(parent, name);
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new CapFormatException($"<{name}> '{Clip(value)}' is not one of {string.Join(", ", allowed)}.");
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed class CapFormatException(string message) : Exception(message);
}

/// <summary>The one <c>info</c> block the twin shows, with every polygon and circle of its areas.</summary>
public sealed record CapInfo(
    string Event,
    string Urgency,
    string Severity,
    string Certainty,
    string? Headline,
    string AreaDescription,
    IReadOnlyList<IReadOnlyList<(double Lat, double Lon)>> Polygons,
    IReadOnlyList<((double Lat, double Lon) Centre, double RadiusKm)> Circles)
{
    /// <summary>When the alert stops applying, if the sender said.</summary>
    public DateTimeOffset? Expires { get; init; }
}
