using System.Net;
using System.Text.Json;
using CommandCenter.Tests.Ingestion;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommandCenter.Tests.Api;

/// <summary>
/// An integrator reads the API description without an account (it holds no secrets), and every
/// operation in it says what its success answer looks like; in Development it is also browsable.
/// </summary>
public sealed class OpenApiTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    [Fact]
    public async Task The_description_is_public_and_every_operation_documents_its_success_body()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var operations = 0;
        var missing = new List<string>();
        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var answers = operation.Value.GetProperty("responses").EnumerateObject().ToList();
                var success = answers.Where(r => r.Name.StartsWith('2')).ToList();
                // A 204 has no body by definition, and a redirect-only route (the camera layer's
                // unversioned name) none either, nor a SensorThings DELETE (its standard answers a bare
                // 200); every other success must say what it carries.
                var bodyless = operation.Name == "delete" && path.Name.StartsWith("/sta/", StringComparison.Ordinal);
                if (!answers.Any(r => r.Name[0] is '2' or '3') || !success.All(r => r.Name == "204" || bodyless || HasSchema(r.Value)))
                {
                    missing.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.True(operations > 40, $"only {operations} operations are described");
        Assert.True(missing.Count == 0, "Without a success body schema: " + string.Join(", ", missing));
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_development_the_description_is_browsable()
    {
        using var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var page = await anonymous.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("v1.json", html, StringComparison.Ordinal);

        // The page's scripts carry the nonce of the response's Content-Security-Policy, so the browser runs them.
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        // (as the browser reads the attribute: a '+' in the nonce may be written as an entity)
        Assert.Contains($"nonce=\"{nonce}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var script = await anonymous.GetAsync("/scalar/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private static bool HasSchema(JsonElement response) =>
        response.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _));
}
