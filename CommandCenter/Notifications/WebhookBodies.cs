using System.Text.Json;
using System.Text.Json.Nodes;

namespace CommandCenter.Notifications;

/// <summary>A notification as each kind of receiver expects it, UTF-8 JSON.</summary>
public static class WebhookBodies
{
    public static string For(WebhookFormat format, Notification n) => format switch
    {
        WebhookFormat.WeCom => new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = Markdown(n) },
        }.ToJsonString(Json),
        WebhookFormat.DingTalk => new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["title"] = n.Title, ["text"] = Markdown(n) },
        }.ToJsonString(Json),
        _ => Generic(n),
    };

    private static string Generic(Notification n)
    {
        var facts = new JsonObject();
        foreach (var (key, value) in n.Facts)
        {
            facts[key] = value;
        }

        return new JsonObject
        {
            ["kind"] = n.Kind.ToString(),
            ["key"] = n.Key,
            ["at"] = n.At.ToUniversalTime().ToString("O"),
            ["title"] = n.Title,
            ["text"] = n.Text,
            ["facts"] = facts,
        }.ToJsonString(Json);
    }

    private static string Markdown(Notification n) => $"### {n.Title}\n{n.Text}";

    // Chinese stays readable in the body (the robots show it as sent) rather than as \u escapes.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
