using CommandCenter.Map;
using CommandCenter.Security;

namespace CommandCenter.Vocabulary;

/// <summary>Serves the vocabulary document (names and colours of statuses, channels, severities and layers).</summary>
public static class VocabularyEndpoints
{
    /// <summary>The same document the map receives in its init options, for a module that loads it itself.</summary>
    public static IEndpointRouteBuilder MapVocabulary(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(VocabularyDocument.Path, () => Results.Json(VocabularyDocument.Current, WireJson<VocabularyDocument>.Options))
            .RequireAuthorization(Policies.ViewWall).Produces<VocabularyDocument>(200);
        return endpoints;
    }
}
