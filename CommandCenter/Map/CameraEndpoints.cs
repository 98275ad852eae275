using Microsoft.Net.Http.Headers;

namespace CommandCenter.Map;

/// <summary>
/// <c>GET /api/map/cameras.geojson</c> redirects to <c>/api/map/cameras.{version}.geojson</c>, the
/// camera layer under a name that changes with its content: cached for a year as immutable, with an
/// ETag, brotli or gzip when the browser accepts it.
/// </summary>
public static class CameraEndpoints
{
    public const string Path = "/api/map/cameras.geojson";

    public static string VersionedPath(string version) => $"/api/map/cameras.{version}.geojson";

    public static IEndpointRouteBuilder MapCameraEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (CameraLayer cameras, HttpResponse response) =>
        {
            var file = await cameras.FileAsync();
            response.Headers.CacheControl = "no-cache";
            return Results.Redirect(VersionedPath(file.Version));
        }).RequireAuthorization(Security.Policies.ViewWall).Produces(StatusCodes.Status302Found);

        endpoints.MapGet("/api/map/cameras.{version}.geojson", async (string version, CameraLayer cameras, HttpContext context) =>
        {
            var file = await cameras.FileAsync();
            if (version != file.Version)
            {
                // A page from before a change of the layer: send it to the current file, not a stale one.
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Redirect(VersionedPath(file.Version));
            }

            var headers = context.Response.Headers;
            var etag = $"\"{file.Version}\"";
            headers.ETag = etag;
            // Private: the layer is for signed-in screens, so no shared cache may keep a copy.
            headers.CacheControl = "private, max-age=31536000, immutable";
            headers.Vary = HeaderNames.AcceptEncoding;
            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var accepts = context.Request.Headers.AcceptEncoding.ToString();
            var (body, encoding) = accepts.Contains("br", StringComparison.OrdinalIgnoreCase) ? (file.Brotli, "br")
                : accepts.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (file.Gzip, "gzip")
                : (file.Identity, null);
            if (encoding is not null)
            {
                headers.ContentEncoding = encoding;
            }

            return Results.Bytes(body, "application/geo+json");
        }).RequireAuthorization(Security.Policies.ViewWall)
            .Produces<System.Text.Json.Nodes.JsonObject>(200, "application/geo+json").Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status302Found);
        return endpoints;
    }
}
