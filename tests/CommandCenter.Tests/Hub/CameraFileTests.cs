using System.IO.Compression;
using System.Net;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommandCenter.Tests.Hub;

/// <summary>The camera layer as a cacheable file: what a wall fetches next to the hub's snapshot.</summary>
public sealed class CameraFileTests : IAsyncLifetime
{
    private readonly TwinAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_camera_file_is_versioned_compressed_cacheable_and_the_same_layer_as_GetCameras()
    {
        using var wall = await _app.SignInAsync(Roles.Wall);
        var client = wall.Client;
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateDefaultClient().GetAsync("/api/map/cameras.geojson")).StatusCode);

        using var redirect = await client.GetAsync("/api/map/cameras.geojson");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var versioned = redirect.Headers.Location!.OriginalString;
        Assert.Matches(@"^/api/map/cameras\.[0-9a-f]{16}\.geojson$", versioned);

        using var request = new HttpRequestMessage(HttpMethod.Get, versioned);
        request.Headers.Add("Accept-Encoding", "br, gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        var etag = response.Headers.ETag!.Tag;
        var compressed = await response.Content.ReadAsByteArrayAsync();
        await using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var document = await JsonDocument.ParseAsync(brotli);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(21_000, features.Count);
        Assert.Equal(135, features.Count(f => f.GetProperty("properties").GetProperty("ai").GetBoolean()));
        Assert.True(compressed.Length < 1_000_000, $"21,000 cameras travel compressed ({compressed.Length:N0} bytes)");

        await using var connection = _app.CreateHubConnection();
        await connection.StartAsync();
        var fromHub = await connection.InvokeAsync<JsonElement>("GetCameras");
        Assert.Equal(
            features.Select(f => f.GetProperty("id").GetString()),
            fromHub.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, versioned);
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var stale = await client.GetAsync("/api/map/cameras.0000000000000000.geojson");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(versioned, stale.Headers.Location!.OriginalString);
    }
}
