using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Twin.Domain.Tests.Support;

public static class Json
{
    // Chinese must come out as itself, not as \uXXXX escapes, or a search for 张三 could never match;
    // hourly means are NaN where an hour saw nothing.
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Serialises by the runtime type, so derived records (events) show all their members.</summary>
    public static string Of(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);
}
