using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace CommandCenter.Map;

/// <summary>
/// A hub message serialised to UTF-8 JSON once and written verbatim into every connection's frame:
/// each subscriber has its own send queue (see <see cref="MapFanout"/>), and serialising the same
/// delta once per connection would cost N times the CPU of a group send.
/// </summary>
[JsonConverter(typeof(WireJsonConverterFactory))]
public sealed class WireJson<T>
{
    // The names SignalR's JSON protocol gives records (camelCase). Chinese stays UTF-8 rather than
    // \uXXXX escapes: half the bytes for names and titles.
    internal static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public WireJson(T value)
    {
        Value = value;
        Utf8 = JsonSerializer.SerializeToUtf8Bytes(value, Options);
    }

    public T Value { get; }

    public byte[] Utf8 { get; }
}

public sealed class WireJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(WireJson<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class WireJsonConverter<T> : JsonConverter<WireJson<T>>
    {
        public override WireJson<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<T>(ref reader, WireJson<T>.Options)!);

        public override void Write(Utf8JsonWriter writer, WireJson<T> value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
