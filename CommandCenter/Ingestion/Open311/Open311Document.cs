using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;

namespace CommandCenter.Ingestion.Open311;

/// <summary>A list in an Open311 answer: a JSON array, or in XML a wrapper holding one element per item named <see cref="ItemName"/>.</summary>
public sealed record Open311List(string ItemName, IReadOnlyList<IReadOnlyDictionary<string, object?>> Items);

/// <summary>
/// Writes GeoReport v2 answers in both of the spec's formats from one tree of dictionaries and
/// <see cref="Open311List"/>s, so JSON and XML cannot drift apart.
/// </summary>
public static class Open311Document
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Json(object value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteJson(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string Xml(string root, object value)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartElement(root);
            WriteXmlContent(writer, value);
            writer.WriteEndElement();
        }

        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object?> map:
                writer.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    writer.WritePropertyName(key);
                    WriteJson(writer, item);
                }

                writer.WriteEndObject();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case DateTimeOffset t:
                writer.WriteStringValue(Time(t));
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteXmlContent(XmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    writer.WriteStartElement(list.ItemName);
                    WriteXmlContent(writer, item);
                    writer.WriteEndElement();
                }

                break;
            case IReadOnlyDictionary<string, object?> map:
                foreach (var (key, item) in map)
                {
                    writer.WriteStartElement(key);
                    WriteXmlContent(writer, item);
                    writer.WriteEndElement();
                }

                break;
            case bool b:
                writer.WriteString(b ? "true" : "false");
                break;
            case DateTimeOffset t:
                writer.WriteString(Time(t));
                break;
            default:
                writer.WriteString(XmlSafe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    // XmlWriter throws on characters XML 1.0 cannot carry; stored text is validated, but an answer must never fail.
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
        }

        return safe.ToString();
    }

    // W3C date-time with the offset, as the spec's examples show (2010-04-14T06:37:38-08:00).
    private static string Time(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
