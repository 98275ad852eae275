using System.Net;
using System.Text.Json;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommandCenter.Tests.Api;

/// <summary>
/// An API client that calls a route the app does not serve, with a method it does not take, without
/// signing in or without the right role gets an error it can read — problem details, or Open311's
/// own error list under /open311 — and never a redirect to the HTML sign-in page. Pages keep theirs.
/// </summary>
public sealed class ApiAnswerTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    public enum Caller
    {
        Anonymous,
        IngestionKey,
        Wall,
    }

    public static TheoryData<Caller, string, string, HttpStatusCode, bool> Refusals => new()
    {
        { Caller.Anonymous, "GET", "/api/no-such-thing", HttpStatusCode.NotFound, false },
        { Caller.IngestionKey, "GET", "/sta/v1.1/NoSuchEntitySet", HttpStatusCode.NotFound, false },
        { Caller.Anonymous, "GET", "/hubs/no-such-hub", HttpStatusCode.NotFound, false },
        { Caller.Anonymous, "GET", "/open311/v2/no-such-resource.json", HttpStatusCode.NotFound, true },
        { Caller.IngestionKey, "PUT", "/sta/v1.1/Datastreams", HttpStatusCode.MethodNotAllowed, false },
        { Caller.IngestionKey, "DELETE", "/open311/v2/services.json", HttpStatusCode.MethodNotAllowed, true },
        { Caller.Anonymous, "POST", "/api/search", HttpStatusCode.MethodNotAllowed, false },
        { Caller.Anonymous, "GET", "/api/search?q=积水", HttpStatusCode.Unauthorized, false },
        { Caller.Anonymous, "POST", "/hubs/twin/negotiate?negotiateVersion=1", HttpStatusCode.Unauthorized, false },
        { Caller.IngestionKey, "GET", "/api/map/corridor.geojson", HttpStatusCode.Unauthorized, false },
        { Caller.Wall, "GET", "/api/search?q=积水", HttpStatusCode.Forbidden, false },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Api_refusals_are_readable_errors_not_redirects(Caller caller, string method, string path, HttpStatusCode expected, bool open311)
    {
        using var signedIn = caller == Caller.Wall ? await app.SignInAsync(Roles.Wall) : null;
        using var client = signedIn?.Client ?? app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (caller == Caller.IngestionKey)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", IngestionApp.Key);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = IngestionApp.Json("{}");
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {body}");
        Assert.Null(response.Headers.Location);
        var json = JsonDocument.Parse(body).RootElement;
        if (open311)
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)expected, json[0].GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(json[0].GetProperty("description").GetString()));
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)expected, json.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
        }

        if (expected == HttpStatusCode.MethodNotAllowed)
        {
            Assert.Contains("GET", response.Content.Headers.Allow);
        }
    }

    [Fact]
    public async Task A_body_the_endpoint_cannot_read_is_a_problem_not_a_bare_400()
    {
        using var officer = await app.SignInAsync(Roles.Officer);

        var response = await officer.Client.PostAsync("/api/drones/UAV-01/missions", IngestionApp.Json("{ not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Pages_still_redirect_to_sign_in_and_show_the_not_found_page()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var page in (string[])["/console", "/no-such-page"])
        {
            var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(AccountEndpoints.LoginPath, response.Headers.Location?.AbsolutePath);
        }

        using var wall = await app.SignInAsync(Roles.Wall);
        var missing = await wall.Client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
    }
}
