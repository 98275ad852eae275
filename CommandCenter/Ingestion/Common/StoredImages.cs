namespace CommandCenter.Ingestion.Common;

/// <summary>Evidence images as served (drone frames, AI alarm snapshots).</summary>
public static class StoredImages
{
    /// <summary>A stored JPEG with its stored SHA-256 as ETag and digest, so a reader can check the bytes.</summary>
    public static IResult Jpeg(HttpContext context, (byte[] Jpeg, string Sha256) image)
    {
        context.Response.Headers.ETag = $"\"{image.Sha256}\"";
        context.Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(image.Sha256));
        return Results.File(image.Jpeg, "image/jpeg");
    }
}
