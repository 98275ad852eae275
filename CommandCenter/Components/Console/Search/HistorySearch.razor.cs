using CommandCenter.Localization;
using CommandCenter.Search;
using Microsoft.AspNetCore.Components;
using Twin.Data.Search;

namespace CommandCenter.Components.Console.Search;

/// <summary>
/// The console's search box over every stored ticket of any age (not only those in memory): the
/// same query and checks as <c>GET /api/search</c>; each result links to its ticket's deep link.
/// </summary>
public sealed partial class HistorySearch : IDisposable
{
    private CancellationTokenSource? _running;

    /// <summary>Runs a valid query against the store (the console passes <c>ITwinQueries.SearchAsync</c>).</summary>
    [Parameter, EditorRequired]
    public Func<SearchQuery, CancellationToken, Task<SearchResult>> Search { get; set; } = null!;

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    private static Lang Lang => Language.Current;

    private string Text { get; set; } = string.Empty;

    private SearchResult? Result { get; set; }

    private string? Error { get; set; }

    private async Task RunAsync()
    {
        var parsed = SearchRequest.Parse(new Microsoft.AspNetCore.Http.QueryCollection(
            new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.Ordinal) { ["q"] = Text, ["sort"] = nameof(SearchSort.Relevance) }));
        if (parsed.Problem is { } problem)
        {
            Error = problem.Title;
            Result = null;
            return;
        }

        // A newer search replaces one still running.
        if (_running is not null)
        {
            await _running.CancelAsync();
            _running.Dispose();
        }

        _running = new CancellationTokenSource();
        var ct = _running.Token;
        try
        {
            var result = await Search(parsed.Query!, ct);
            Error = null;
            Result = result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public void Dispose()
    {
        _running?.Cancel();
        _running?.Dispose();
    }
}
