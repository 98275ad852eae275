using Bunit;
using CommandCenter.Audit;
using CommandCenter.Components.Console.Emergency;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Audit;
using Twin.Domain.Emergency;

namespace CommandCenter.Tests.Emergency;

/// <summary>
/// The duty roster at the emergency desk (simulator off): who is on duty and every department's duty
/// room, phones masked; an officer reads one in full only after stating a reason, audited first, and
/// a checklist step carries its department's duty room; a leader is never offered the reveal.
/// </summary>
public sealed class DutyContactTests : IAsyncLifetime
{
    private QuietApp _quiet = default!;

    private AppTwin Runtime => _quiet.Twin;

    public async Task InitializeAsync() => _quiet = await QuietApp.StartAsync();

    public async Task DisposeAsync() => await _quiet.DisposeAsync();

    [Fact]
    public async Task An_officer_reveals_a_departments_duty_phone_with_a_reason_and_the_reveal_is_audited()
    {
        await using var ctx = ConsoleContext.Create(_quiet.Services, Roles.Officer);
        var page = ctx.Render<EmergencyPage>();

        const string water = "区水务局";
        var row = $"[data-department-contact='{water}']";
        page.WaitForAssertion(() => Assert.Equal("021****0002", page.Find($"{row} [data-duty-phone]").TextContent), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("60000002", page.Markup);
        Assert.Equal(Enum.GetValues<OfficerRole>().Length, page.FindAll("[data-on-duty]").Count);
        Assert.All(page.FindAll("[data-on-duty] [data-duty-phone]"), p => Assert.Contains("****", p.TextContent));
        Assert.DoesNotContain("13900000", page.Markup);

        page.Find($"{row} [data-duty-ask]").Click();
        page.Find($"{row} [data-duty-confirm]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"{row} [data-duty-refusal]")));
        Assert.DoesNotContain("60000002", page.Markup);

        page.Find($"{row} [data-duty-reason]").Input("联系泵站开机");
        page.Find($"{row} [data-duty-confirm]").Click();
        page.WaitForAssertion(() => Assert.Equal("021-60000002", page.Find($"{row} [data-duty-phone-revealed]").TextContent));

        var audit = _quiet.Services.GetRequiredService<AuditTrail>();
        var entry = Assert.Single(await audit.Log.QueryAsync(new AuditQuery(ActionPrefix: AuditActions.ContactRevealed, Target: ContactRevealService.DutyTargetPrefix + water)));
        Assert.Equal(("test-officer", AuditOutcome.Success, "reason: 联系泵站开机"), (entry.Entry.Actor, entry.Entry.Outcome, entry.Entry.Detail));

        page.Find($"{row} [data-duty-hide]").Click();
        page.WaitForAssertion(() => Assert.DoesNotContain("60000002", page.Markup));
        Assert.Equal("021****0002", page.Find($"{row} [data-duty-phone]").TextContent);
    }

    [Fact]
    public async Task A_running_steps_department_shows_its_duty_room_masked_and_a_leader_is_not_offered_the_reveal()
    {
        var start = await Runtime.Commands.SubmitAsync(new StartEmergencyCommand(EmergencyType.FloodTyphoon, ResponseLevel.IV, "督办员甲", OfficerRole.Supervisor, "测试"));
        Assert.True(start.Accepted, start.Reason);
        var roster = _quiet.Services.GetRequiredService<DutyRoster>();
        var step = Runtime.Queries.Current.Checklist.First(s => roster.ContactOf(s.Department) is not null);
        var contact = roster.ContactOf(step.Department)!;

        await using (var officerCtx = ConsoleContext.Create(_quiet.Services, Roles.Officer))
        {
            var page = officerCtx.Render<EmergencyPage>();
            var owner = $"[data-step='{step.StepId}'] [data-duty-contact='{contact.Department}']";
            page.WaitForAssertion(() => Assert.Equal(contact.PhoneMasked, page.Find($"{owner} [data-duty-phone]").TextContent), TimeSpan.FromSeconds(10));
            Assert.Contains(contact.Name, page.Find(owner).TextContent);
            Assert.NotNull(page.Find($"{owner} [data-duty-ask]"));
        }

        await using var leaderCtx = ConsoleContext.Create(_quiet.Services, Roles.Leader);
        var leaderPage = leaderCtx.Render<EmergencyPage>();
        leaderPage.WaitForAssertion(() => Assert.NotEmpty(leaderPage.FindAll("[data-duty-contact]")), TimeSpan.FromSeconds(10));
        Assert.Empty(leaderPage.FindAll("[data-duty-ask]"));

        var leader = await leaderCtx.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();
        var refused = await leaderCtx.Services.GetRequiredService<ContactRevealService>()
            .RevealDutyPhoneAsync(leader.User, contact.Department, "领导想看", new AuditOrigin(null, null));
        Assert.Null(refused.Phone);
        var denied = await _quiet.Services.GetRequiredService<AuditTrail>().Log.QueryAsync(
            new AuditQuery(ActionPrefix: AuditActions.ContactRevealed, Target: ContactRevealService.DutyTargetPrefix + contact.Department));
        Assert.Contains(denied, e => e.Entry.Outcome == AuditOutcome.Denied && e.Entry.Actor == "test-leader");
    }
}
