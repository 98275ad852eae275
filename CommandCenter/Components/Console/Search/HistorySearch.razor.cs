using CommandCenter.Localization;
using CommandCenter.Search;
using Microsoft.AspNetCore.Components;
using Twin.Data.Search;

namespace CommandCenter.Components.Console.Search;

/// <summary>
/// The console's search box over every stored ticket of any age (not only those in memory), alarm,
/// sensor and place: the same query and checks as <c>GET /api/search</c>. The scope buttons narrow
/// what is searched; each ticket links to its deep link, each sensor (and sensor alarm) opens its
/// readings' chart, and the results can be shown on a map as well as in the list.
/// </summary>
public sealed partial class HistorySearch : IDisposable
{
    private static readonly SearchScope[] Scopes = [SearchScope.All, SearchScope.Tickets, SearchScope.Alarms, SearchScope.Sensors];

    private CancellationTokenSource? _running;

    /// <summary>Runs a valid query against the store (the console passes <c>ITwinQueries.SearchAsync</c>).</summary>
    [Parameter, EditorRequired]
    public Func<SearchQuery, CancellationToken, Task<SearchResult>> Search { get; set; } = null!;

    [Parameter, EditorRequired]
    public Func<string, string> SubDistrictName { get; set; } = code => code;

    private static Lang Lang => Language.Current;

    private string Text { get; set; } = string.Empty;

    private SearchScope Scope { get; set; } = SearchScope.All;

    /// <summary>The scope the shown result was searched with.</summary>
    private SearchScope Shown { get; set; } = SearchScope.All;

    private SearchResult? Result { get; set; }

    private string? Error { get; set; }

    private bool OnMap { get; set; }

    /// <summary>The row ("alarm:id" or "sensor:id") whose readings' chart is open.</summary>
    private string? ChartOf { get; set; }

    private void ToggleChart(string key) => ChartOf = ChartOf == key ? null : key;

    /// <summary>A scope button narrows the next search, and the shown one at once when words were searched.</summary>
    private async Task ScopeAsync(SearchScope scope)
    {
        Scope = scope;
        if (Result is not null)
        {
            await RunAsync();
        }
    }

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
        var scope = Scope;
        try
        {
            var result = await Search(parsed.Query! with { Scope = scope }, ct);
            Error = null;
            Result = result;
            Shown = scope;
            ChartOf = null;
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
