using System.Collections.Immutable;
using CommandCenter.Configuration;
using Microsoft.Extensions.Options;
using Twin.Data.Store;
using Twin.Domain.Drones;
using Twin.Domain.Geography;

namespace CommandCenter.Drones;

/// <summary>
/// The patrol routes in force: the repository's <c>geo/drone_patrol_routes.geojson</c>, unless an
/// officer uploaded a replacement, which is kept in the data folder and wins from then on. A
/// replacement is validated whole before anything is written, and written atomically.
/// </summary>
public sealed class PatrolRouteCatalog
{
    public const string RepositoryFile = "drone_patrol_routes.geojson";
    public const string UploadedFile = "drone-patrol-routes.geojson";

    private readonly OperatingArea _area;
    private readonly string _uploadPath;
    private readonly Lock _gate = new();
    private volatile RouteSet _current;

    public PatrolRouteCatalog(
        DistrictMap district, IOptions<TwinStoreOptions> store, IOptions<TwinOptions> twin, IOptions<DroneOptions> options, IHostEnvironment environment, ILogger<PatrolRouteCatalog> logger)
    {
        _area = new OperatingArea(district);
        _uploadPath = string.IsNullOrWhiteSpace(options.Value.RoutesFile)
            ? Path.Combine(Path.GetDirectoryName(store.Value.DatabasePath)!, UploadedFile)
            : Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.RoutesFile));
        var repositoryPath = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, twin.Value.GeoDirectory, RepositoryFile));
        if (File.Exists(_uploadPath))
        {
            var uploaded = Parse(File.ReadAllText(_uploadPath));
            if (uploaded.Problem is null)
            {
                _current = new RouteSet(uploaded.Routes, File.ReadAllText(_uploadPath), 1, "uploaded");
                return;
            }

            logger.LogError("The uploaded route file {Path} is no longer valid ({Problem}); using the repository's routes.", _uploadPath, uploaded.Problem);
        }

        var json = File.ReadAllText(repositoryPath);
        var routes = Parse(json);
        if (routes.Problem is not null)
        {
            throw new InvalidOperationException($"{repositoryPath}: {routes.Problem}");
        }

        _current = new RouteSet(routes.Routes, json, 1, "repository");
    }

    public ImmutableArray<PatrolRoute> Routes => _current.Routes;

    /// <summary>The route file in force, as GeoJSON.</summary>
    public string GeoJson => _current.Json;

    /// <summary>Grows with each replacement, so a map knows to fetch the routes again.</summary>
    public int Version => _current.Version;

    /// <summary>"repository" or "uploaded".</summary>
    public string Source => _current.Source;

    /// <summary>Validates and installs a new route file; the reason when it is refused (nothing changed then).</summary>
    public async Task<string?> ReplaceAsync(string json, CancellationToken ct)
    {
        var parsed = Parse(json);
        if (parsed.Problem is not null)
        {
            return parsed.Problem;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_uploadPath)!);
        var temporary = _uploadPath + ".tmp";
        await File.WriteAllTextAsync(temporary, json, ct);
        lock (_gate)
        {
            File.Move(temporary, _uploadPath, overwrite: true);
            _current = new RouteSet(parsed.Routes, json, _current.Version + 1, "uploaded");
        }

        return null;
    }

    // Prepared geometries build their index on first use and are not safe to share across threads.
    private RouteFileResult Parse(string json)
    {
        lock (_gate)
        {
            return PatrolRouteFile.Parse(json, _area);
        }
    }

    private sealed record RouteSet(ImmutableArray<PatrolRoute> Routes, string Json, int Version, string Source);
}
