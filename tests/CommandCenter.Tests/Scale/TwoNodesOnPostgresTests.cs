using System.Net;
using CommandCenter.Audit;
using CommandCenter.Search;
using CommandCenter.Security;
using CommandCenter.Tests.Access;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;

namespace CommandCenter.Tests.Scale;

/// <summary>
/// Two nodes on one real PostgreSQL database, each with its own key folder (which they must not
/// use: on PostgreSQL the Data Protection keys and the generated audit key are in the database).
/// A person signed in on one node is signed in on the other, the idle timeout counts activity
/// on any node, and both nodes extend one audit chain that either verifies.
/// </summary>
public sealed class TwoNodesOnPostgresTests : IAsyncLifetime
{
    private PostgresDatabase _database = null!;
    private ClockedApp _nodeA = null!;
    private ClockedApp _nodeB = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync();
        _nodeA = new ClockedApp(OnDatabase);
        _nodeB = new ClockedApp(OnDatabase);

        // One after the other, as a rolling start: the first node migrates and creates the first accounts.
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            await node.Services.GetRequiredService<TwinReadiness>().Ready.WaitAsync(TimeSpan.FromSeconds(120));
            await node.Services.GetRequiredService<SecurityBootstrap>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_cookie_issued_by_node_A_is_accepted_by_node_B_and_both_write_one_verifiable_audit_chain()
    {
        using var officer = await _nodeA.SignInAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync(Search("A"))).StatusCode);

        using var onB = ClientOf(_nodeB, officer);
        var answer = await onB.GetAsync(Search("B"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        // A sign-in on node B too, so both nodes have appended to the chain.
        using var supervisor = await _nodeB.SignInAsync(Roles.Supervisor);
        await _nodeA.Services.GetRequiredService<AuditTrail>().FlushAsync();
        await _nodeB.Services.GetRequiredService<AuditTrail>().FlushAsync();
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            var verification = await node.Services.GetRequiredService<AuditTrail>().VerifyAsync();
            Assert.True(verification.Intact, verification.Problem);
            Assert.True(verification.Rows >= 2, $"{verification.Rows} audit rows");
        }
    }

    [Fact]
    public async Task Activity_on_node_B_keeps_a_session_from_node_A_alive_and_idleness_ends_it_on_both()
    {
        using var officer = await _nodeA.SignInAsync(Roles.Officer);
        using var onB = ClientOf(_nodeB, officer);
        var idle = TimeSpan.FromMinutes(30);

        // 20 minutes in, the officer works on node B: that counts for node A too.
        Advance(idle - TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(Search("B"))).StatusCode);
        Advance(idle - TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await officer.Client.GetAsync(Search("A"))).StatusCode);

        // Then nothing for longer than the idle timeout: refused on both nodes.
        Advance(idle + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync(Search("B"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.Client.GetAsync(Search("A"))).StatusCode);
    }

    private void Advance(TimeSpan by)
    {
        _nodeA.Clock.Advance(by);
        _nodeB.Clock.Advance(by);
    }

    private static string Search(string node) => $"{SearchEndpoints.Path}?q={Uri.EscapeDataString("真如" + node)}";

    /// <summary>A client of <paramref name="node"/> carrying the cookie another node issued, as a load balancer that moved the browser would.</summary>
    private static HttpClient ClientOf(ClockedApp node, SignedIn signedIn)
    {
        var client = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", signedIn.CookieHeader);
        return client;
    }

    private void OnDatabase(IWebHostBuilder builder) => builder
        .UseSetting("Twin:Storage:Provider", "Postgres")
        .UseSetting("Twin:Storage:ConnectionString", _database.ConnectionString);
}
