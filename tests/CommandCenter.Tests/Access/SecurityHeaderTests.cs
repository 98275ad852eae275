using System.Net;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;

namespace CommandCenter.Tests.Access;

/// <summary>Every response, whatever answered it (page, API, ingestion, static file, error, refusal), carries the security headers.</summary>
public sealed class SecurityHeaderTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    public static readonly string[] AnonymousPaths =
    [
        "/", "/console", "/account/login", "/account/denied", "/healthz", "/api/map/corridor.geojson", "/openapi/v1.json",
        "/open311/v2/services.json", "/sta/v1.1/Things", "/no-such-page", "/app.css", "/wall/pair?token=wrong", "/admin/audit/export.csv",
    ];

    [Fact]
    public async Task Every_response_carries_CSP_frame_ancestors_nosniff_and_referrer_policy()
    {
        using var wall = await app.SignInAsync(Roles.Wall);
        using var anonymous = app.CreateDefaultClient();
        var responses = new List<(string What, HttpResponseMessage Response)>();
        foreach (var path in AnonymousPaths)
        {
            responses.Add(("anonymous " + path, await anonymous.GetAsync(path)));
            responses.Add(("wall " + path, await wall.Client.GetAsync(path)));
        }

        responses.Add(("POST login without token", await anonymous.PostAsync(AccountEndpoints.LoginPath, new FormUrlEncodedContent([]))));
        responses.Add(("POST open311 without key", await anonymous.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent([]))));

        Assert.Contains(responses, r => r.Response.StatusCode == HttpStatusCode.OK);
        Assert.Contains(responses, r => (int)r.Response.StatusCode >= 400);
        foreach (var (what, response) in responses)
        {
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("default-src 'self'", csp);
            Assert.Contains("object-src 'none'", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var nosniff) && nosniff.Single() == "nosniff", what);
            Assert.True(response.Headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "no-referrer", what);
            Assert.True(response.Headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", what);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), $"{what}: no HSTS over plain HTTP");
        }
    }

    [Fact]
    public async Task Over_HTTPS_responses_carry_HSTS()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://command.example/"), AllowAutoRedirect = false });

        foreach (var path in new[] { "/account/login", "/healthz", "/" })
        {
            var response = await https.GetAsync(path);
            Assert.Equal("max-age=31536000; includeSubDomains", response.Headers.GetValues("Strict-Transport-Security").Single());
        }
    }

    [Fact]
    public async Task A_hub_request_from_another_site_is_refused_and_audited()
    {
        using var wall = await app.SignInAsync(Roles.Wall);
        var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/twin/negotiate?negotiateVersion=1");
        request.Headers.Add("Origin", "https://evil.example");
        var foreign = await wall.Client.SendAsync(request);
        var own = new HttpRequestMessage(HttpMethod.Post, "/hubs/twin/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", app.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        var same = await wall.Client.SendAsync(own);

        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        var audit = app.Services.GetRequiredService<CommandCenter.Audit.AuditTrail>();
        await audit.FlushAsync();
        var refused = await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: Twin.Data.Audit.AuditActions.OriginRefused));
        Assert.Contains(refused, r => r.Entry.Detail == "origin https://evil.example");
    }

    [Fact]
    public async Task Login_forms_carry_an_antiforgery_token_and_a_post_without_one_signs_nobody_in()
    {
        using var client = app.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        await TestAccounts.AntiforgeryTokenAsync(client, AccountEndpoints.LoginPath);

        var forged = await client.PostAsync(AccountEndpoints.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = TestAccounts.AdminPassword,
        }));

        // A person gets the form back (LoginFormTests); nobody is signed in.
        Assert.StartsWith("/account/login?error=form", forged.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/users")).StatusCode);
    }
}
