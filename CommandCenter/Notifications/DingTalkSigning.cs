using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CommandCenter.Notifications;

/// <summary>
/// 钉钉 robot 加签: a robot with a secret takes only requests whose URL carries <c>timestamp</c> (Unix
/// milliseconds, within an hour of DingTalk's clock) and <c>sign</c>, the URL-encoded base64 of
/// HmacSHA256 over <c>"timestamp\nsecret"</c> keyed with the secret.
/// </summary>
public static class DingTalkSigning
{
    public static string Sign(long timestampMilliseconds, string secret)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{timestampMilliseconds}\n{secret}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(text));
        return Uri.EscapeDataString(Convert.ToBase64String(mac));
    }

    /// <summary><paramref name="url"/> with the signature of <paramref name="now"/> appended.</summary>
    public static string SignedUrl(string url, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds();
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return string.Create(CultureInfo.InvariantCulture, $"{url}{separator}timestamp={timestamp}&sign={Sign(timestamp, secret)}");
    }
}
