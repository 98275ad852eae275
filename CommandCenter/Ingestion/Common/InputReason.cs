namespace CommandCenter.Ingestion.Common;

/// <summary>The inputs metric's reason word for an answer's status, HTTP or an MQTT publish's equivalent.</summary>
public static class InputReason
{
    /// <summary>A fixed, small set of words, so the metric's series stay few.</summary>
    public static string Of(int status) => status switch
    {
        >= 200 and < 300 => "ok",
        400 => "invalid",
        401 => "unauthenticated",
        403 => "forbidden",
        404 => "not_found",
        409 => "conflict",
        413 => "too_large",
        415 => "unsupported_media_type",
        422 => "refused",
        429 => "rate_limited",
        503 => "unavailable",
        >= 500 => "error",
        _ => "other",
    };
}
