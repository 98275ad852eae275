using Bunit;
using CommandCenter.Audit;
using CommandCenter.Security;
using CommandCenter.Tests.Ingestion;
using CommandCenter.Tests.Support;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;
using Twin.Domain.Engine;
using Twin.Domain.Tickets;
using ContactRevealView = CommandCenter.Components.Console.ContactReveal;

namespace CommandCenter.Tests.Access;

/// <summary>The console's reveal control: masked by default, revealed to an officer only with a reason, never offered to a leader.</summary>
public sealed class ContactRevealTests(IngestionApp app) : IClassFixture<IngestionApp>
{
    [Fact]
    public async Task An_officer_sees_the_contact_only_after_stating_a_reason_and_the_reveal_is_audited()
    {
        var ticket = await ReportAsync();
        await using var ctx = NewContext("reveal-officer", Roles.Officer);
        var view = ctx.Render<ContactRevealView>(p => p.Add(c => c.TicketId, ticket.Id).Add(c => c.Masked, $"{ticket.ReporterMasked} · {ticket.PhoneMasked}"));

        Assert.Equal("李** · 137****5555", view.Find("[data-reporter]").TextContent);
        Assert.DoesNotContain("13700005555", view.Markup);
        view.WaitForElement("[data-contact-ask]").Click();
        await view.Find("[data-contact-confirm]").ClickAsync(new MouseEventArgs());
        view.WaitForAssertion(() => Assert.NotNull(view.Find("[data-contact-refusal]")));
        Assert.DoesNotContain("13700005555", view.Markup);

        view.Find("[data-contact-reason]").Input("市民来电要求回访");
        await view.Find("[data-contact-confirm]").ClickAsync(new MouseEventArgs());

        view.WaitForAssertion(() => Assert.Equal("李四光 · 13700005555", view.Find("[data-contact-revealed]").TextContent));
        var audit = app.Services.GetRequiredService<AuditTrail>();
        var entry = Assert.Single(await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.ContactRevealed, Target: ticket.Id)));
        Assert.Equal("reveal-officer", entry.Entry.Actor);
        Assert.Equal("reason: 市民来电要求回访", entry.Entry.Detail);

        view.Find("[data-contact-hide]").Click();
        view.WaitForAssertion(() => Assert.DoesNotContain("13700005555", view.Markup));
    }

    [Theory]
    [InlineData("zh", "查看联系方式", "确认查看", "Show contact")]
    [InlineData("en", "Show contact", "Reveal", "查看")]
    public async Task The_reveal_speaks_the_page_language_only(string lang, string ask, string confirm, string otherLanguage)
    {
        var ticket = await ReportAsync();
        using var language = lang == "en" ? UiLanguage.English() : UiLanguage.Chinese();
        await using var ctx = NewContext("reveal-language", Roles.Officer);
        var view = ctx.Render<ContactRevealView>(p => p.Add(c => c.TicketId, ticket.Id).Add(c => c.Masked, $"{ticket.ReporterMasked} · {ticket.PhoneMasked}"));

        Assert.Equal(ask, view.WaitForElement("[data-contact-ask]").TextContent);
        view.Find("[data-contact-ask]").Click();
        view.WaitForAssertion(() => Assert.Equal(confirm, view.Find("[data-contact-confirm]").TextContent));
        await view.Find("[data-contact-confirm]").ClickAsync(new MouseEventArgs());
        view.WaitForAssertion(() => Assert.NotNull(view.Find("[data-contact-refusal]")));
        Assert.DoesNotContain(otherLanguage, view.Find("[data-contact-reveal]").TextContent);
        Assert.DoesNotContain(otherLanguage, view.Find("[data-contact-reason]").GetAttribute("placeholder"));
    }

    [Fact]
    public async Task A_leader_is_not_offered_the_reveal()
    {
        var ticket = await ReportAsync();
        await using var ctx = NewContext("reveal-leader", Roles.Leader);

        var view = ctx.Render<ContactRevealView>(p => p.Add(c => c.TicketId, ticket.Id).Add(c => c.Masked, $"{ticket.ReporterMasked} · {ticket.PhoneMasked}"));

        Assert.Empty(view.FindAll("[data-contact-ask]"));
        Assert.Equal("李** · 137****5555", view.Find("[data-reporter]").TextContent);
    }

    private BunitContext NewContext(string user, string role)
    {
        var ctx = new BunitContext();
        // The user as a circuit has them, and the app's own policies (not a stand-in) decide.
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, role)], "Cookies", ClaimTypes.Name, ClaimTypes.Role));
        ctx.Services.AddCascadingValue(_ => Task.FromResult(new AuthenticationState(principal)));
        ctx.Services.AddAuthorizationCore(SecuritySetup.ConfigurePolicies);
        ctx.Services.AddTransient<Microsoft.AspNetCore.Authorization.IAuthorizationService, Microsoft.AspNetCore.Authorization.DefaultAuthorizationService>();
        ctx.Services.AddAppTwin(app.Services);
        ctx.Services.AddSingleton(app.Services.GetRequiredService<AuditTrail>());
        ctx.Services.AddSingleton(app.Services.GetRequiredService<Twin.Domain.Emergency.DutyRoster>());
        ctx.Services.AddScoped<ContactRevealService>();
        ctx.Services.AddScoped<ClientOrigin>();
        return ctx;
    }

    private async Task<TicketState> ReportAsync()
    {
        var id = "REVEAL-" + Guid.NewGuid().ToString("N")[..8];
        var at = app.InsidePoint();
        var report = new TicketReport(id, TicketChannel.Hotline12345, "noise", "噪音扰民", "夜间噪音扰民", at, "测试地址", null,
            new Reporter("李四光", "13700005555"), app.Runtime.Clock.GetUtcNow());
        var result = await app.Runtime.Commands.SubmitAsync(new ReportTicketCommand(report));
        Assert.True(result.Accepted, result.Reason);
        return app.Runtime.Queries.Current.Tickets.Single(t => t.Id == id);
    }
}
