using System.Globalization;
using System.Net;
using CommandCenter.Ingestion.Common;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Domain.Engine;

namespace CommandCenter.Tests.Access;

/// <summary>
/// Issue 14 row 7: in Production a failure answered 500 with an empty body and none of the
/// security headers. A fault inside the app (here the twin's command boundary failing) now answers
/// problem details with the headers and nothing of the exception; a stale form on the password page
/// gets the form back rather than any 5xx.
/// </summary>
public sealed class ProductionErrorTests : IAsyncLifetime
{
    private const string Key = "production-error-key";
    private const string Fault = "simulated disk fault 0xDEAD";

    private readonly ClockedApp _app = new(builder =>
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Twin:Ingestion:Sources:0:Name", "test-feed");
        builder.UseSetting("Twin:Ingestion:Sources:0:ApiKey", Key);
        builder.UseSetting("Twin:Ingestion:Sources:0:Scopes:0", IngestScopes.Open311);
        builder.ConfigureTestServices(services => services.AddSingleton<ITwinCommands>(sp => new FailingCommands()));
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_fault_inside_the_app_answers_problem_details_with_the_security_headers_and_no_exception_text()
    {
        using var client = _app.CreateClient();
        var response = await client.PostAsync("/open311/v2/requests.json", IngestionApp.Form(
            ("api_key", Key), ("service_code", "noise"), ("lat", 31.2495.ToString(CultureInfo.InvariantCulture)),
            ("long", 121.4255.ToString(CultureInfo.InvariantCulture)), ("description", "夜间施工噪声")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":500", body);
        Assert.Contains("Internal server error", body);
        Assert.DoesNotContain(Fault, body);
        Assert.DoesNotContain("FailingCommands", body);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_stale_form_on_the_password_page_gets_the_form_back_not_a_server_error()
    {
        using var officer = await _app.SignInAsync(Roles.Officer);
        var response = await officer.Client.PostAsync(AccountEndpoints.PasswordPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "CfDJ8-stale-token-from-before-a-restart",
            ["current"] = TestAccounts.Password,
            ["next"] = "a-new-Passw0rd-long-enough",
            ["confirm"] = "a-new-Passw0rd-long-enough",
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{AccountEndpoints.PasswordPath}?error=form", response.Headers.Location?.OriginalString);
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "Content-Security-Policy");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    private sealed class FailingCommands : ITwinCommands
    {
        public Task<CommandOutcome> SubmitAsync(TwinCommand command, CancellationToken ct = default) => throw new InvalidDataException(Fault);

        public Task<IReadOnlyList<CommandOutcome>> SubmitAllAsync(IReadOnlyList<TwinCommand> commands, CancellationToken ct = default) =>
            throw new InvalidDataException(Fault);

        public bool TryPost(TwinCommand command) => false;
    }
}
