using CommandCenter.Notifications;

namespace CommandCenter.Tests.Notifications;

/// <summary>钉钉 加签 against a vector computed outside .NET (openssl dgst -sha256 -hmac, then base64 and URL-encoding).</summary>
public sealed class DingTalkSigningTests
{
    private const string Secret = "SEC0123456789abcdef";

    [Fact]
    public void The_sign_is_the_url_encoded_base64_hmac_of_timestamp_newline_secret()
    {
        // printf '1700000000000\nSEC0123456789abcdef' | openssl dgst -sha256 -hmac 'SEC0123456789abcdef' -binary | base64
        //   → TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=  ('/' and '=' URL-encoded below)
        Assert.Equal("TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D", DingTalkSigning.Sign(1_700_000_000_000, Secret));
    }

    [Fact]
    public void The_robots_url_keeps_its_access_token_and_gains_the_clocks_timestamp_and_sign()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        Assert.Equal(
            "https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D",
            DingTalkSigning.SignedUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", Secret, now));
        Assert.StartsWith("https://example.test/hook?timestamp=1700000000000&sign=", DingTalkSigning.SignedUrl("https://example.test/hook", Secret, now), StringComparison.Ordinal);
    }
}
