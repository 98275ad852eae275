using CommandCenter.Api;
using CommandCenter.Ingestion.Common;

namespace CommandCenter.Ingestion.Open311;

/// <summary>Errors the app answers under <c>/open311/v2</c> (unknown route, wrong method, …) in Open311's own format, as its endpoints' are.</summary>
public sealed class Open311ErrorFormat : IApiErrorFormat
{
    public bool Answers(PathString path) => path.StartsWithSegments(Open311Endpoints.Prefix, StringComparison.OrdinalIgnoreCase);

    public Task WriteAsync(HttpContext context, int status, string detail) => IngestErrors.WriteAsync(context, status, detail);
}
