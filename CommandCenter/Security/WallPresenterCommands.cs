using System.Security.Claims;
using CommandCenter.Audit;
using CommandCenter.Configuration;
using CommandCenter.Scenes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using Twin.Data.Audit;
using Twin.Data.Boundary;
using Twin.Domain.Engine;

namespace CommandCenter.Security;

/// <summary>
/// <see cref="IWallPresenter"/> for the signed-in person (scoped to their circuit). A presentation
/// lives in memory only (the walls' picture, not the twin's state), so the one thing each action
/// writes is its audit row. The walls do not wait for it: under load SQLite's write lock is held by
/// the simulator's batches for seconds (a presenter's step once reached the walls 23 s after the
/// click), so the walls are told at once and the row goes to the audit writer's queue. The
/// presenter is answered only once that row is committed: an action acknowledged is on disk with
/// its audit row, and one whose row a crash lost was never acknowledged (docs/emergency.md).
/// During an emergency the walls hold the emergency scene: a presenter may point at its panels,
/// not put another scene up.
/// </summary>
public sealed class WallPresenterCommands(
    WallSceneDirector director,
    ITwinQueries queries,
    AuthenticationStateProvider state,
    IAuthorizationService authorization,
    AuditTrail audit,
    ClientOrigin origin,
    SignedInScope scopes,
    IOptions<TwinOptions> options) : IWallPresenter
{
    // English, for the audit log and tests; the presenter's page words the refusal's code in its language.
    public const string Refusal = "This account may not present on the walls (the centre's only).";
    public const string EmergencyHolds = "During an emergency the walls hold the emergency scene; its panels may be highlighted.";
    public const string NoEmergency = "No emergency is running.";
    public const string NoSuchTarget = "The twin holds no ticket or active alarm with this id.";

    private readonly SemaphoreSlim _order = new(1, 1);

    public IReadOnlyList<PresenterSlide> Sequence { get; } =
        PresenterSlide.TryParseSequence(options.Value.Wall.PresenterSequence, WallOptions.IsSubDistrictCode, out var s) ? s : [new PresenterSlide(WallScene.District)];

    public async Task<bool> MayPresentAsync() => await MayPresentAsync(await UserAsync());

    /// <summary>
    /// The role that presents, of the centre: the walls all follow one presentation and show the
    /// whole district, so a department's or a 街镇's account may not steer them.
    /// </summary>
    private async Task<bool> MayPresentAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, Policies.PresentOnWall)).Succeeded && (await scopes.OfAsync(user)).SeesAll;

    public Task<CommandOutcome> StartAsync() =>
        ActAsync("start", (_, user, now) => Held(Begin(user, now)));

    public Task<CommandOutcome> ForwardAsync() =>
        ActAsync("forward", (p, user, now) => Held((p ?? Begin(user, now)).Forward(now)));

    public Task<CommandOutcome> BackAsync() =>
        ActAsync("back", (p, user, now) => Held((p ?? Begin(user, now)).Back(now)));

    public Task<CommandOutcome> ChooseAsync(PresenterSlide slide) =>
        ActAsync("choose", (p, user, now) => slide switch
        {
            { Scene: WallScene.Emergency } when !queries.Current.IsEmergency => (null, new(NoEmergency, RefusalCode.NoEmergencyRunning)),
            { Target: { } id } when !PresenterSlide.MayTarget(slide.Scene) || KeyEvents.Locate(queries.Current, id) is null => (null, new(NoSuchTarget, RefusalCode.UnknownTicket, id)),
            _ => Held((p ?? Begin(user, now)).Choose(slide, now)),
        });

    public Task<CommandOutcome> HighlightAsync(string? panel) =>
        ActAsync("highlight", (p, user, now) =>
        {
            var presentation = p ?? Begin(user, now);
            if (queries.Current.IsEmergency)
            {
                // The walls show the emergency scene whatever the slide was: point at its panels.
                presentation = presentation.Choose(new PresenterSlide(WallScene.Emergency), now);
            }

            return panel is null || presentation.Slide.Shows(panel)
                ? Held(presentation.Highlight(panel, now))
                : (null, new($"The scene has no panel '{panel}'.", RefusalCode.NoSuchPanel, panel));
        });

    public Task<CommandOutcome> EndAsync() =>
        ActAsync("end", (p, _, _) => p is null ? (null, new("The walls are not being presented.", RefusalCode.NotPresenting)) : (null, null), ends: true);

    /// <summary>A new presentation at the sequence's start, or on the emergency scene while one runs.</summary>
    private WallPresentation Begin(string presenter, DateTimeOffset now)
    {
        var presentation = WallPresentation.Start(presenter, Sequence, now);
        return queries.Current.IsEmergency ? presentation.Choose(new PresenterSlide(WallScene.Emergency), now) : presentation;
    }

    /// <summary>During an emergency only the emergency scene may be on the walls.</summary>
    private (WallPresentation? Next, PresenterRefusal? Refusal) Held(WallPresentation next) =>
        queries.Current.IsEmergency && next.Slide.Scene != WallScene.Emergency ? (null, new(EmergencyHolds, RefusalCode.EmergencyHoldsWall)) : (next, null);

    /// <summary>
    /// Checks the role, works out the next presentation, queues its audit row and hands it to the
    /// director, which tells the walls; a refusal changes nothing and is audited too. Answers once
    /// the row is committed. The circuit's actions reach the director in the order they were made
    /// (a clicker's presses may follow each other faster than their rows commit).
    /// </summary>
    private async Task<CommandOutcome> ActAsync(
        string action,
        Func<WallPresentation?, string, DateTimeOffset, (WallPresentation? Next, PresenterRefusal? Refusal)> decide,
        bool ends = false)
    {
        CommandOutcome outcome;
        Task recorded;
        await _order.WaitAsync();
        try
        {
            (outcome, recorded) = await PresentAsync(action, decide, ends);
        }
        finally
        {
            _order.Release();
        }

        await recorded;
        return outcome;
    }

    private async Task<(CommandOutcome Outcome, Task Recorded)> PresentAsync(
        string action,
        Func<WallPresentation?, string, DateTimeOffset, (WallPresentation? Next, PresenterRefusal? Refusal)> decide,
        bool ends)
    {
        var user = await UserAsync();
        if (!await MayPresentAsync(user))
        {
            var denied = audit.CommitAsync(audit.Entry(user, AuditActions.Forbidden, "wall", AuditOutcome.Denied, AuditActions.WallPresented + " " + action, origin.Current));
            return (CommandOutcome.Refused(Refusal, forbidden: true, new(RefusalCode.RoleMayNotPresent)), denied);
        }

        var presenter = SignedInOfficer.NameOf(user);
        var recorded = Task.CompletedTask;
        var outcome = await director.PresentAsync<CommandOutcome>((current, now) =>
        {
            var (next, refusal) = decide(current, presenter, now);
            if (refusal is not null)
            {
                recorded = audit.CommitAsync(audit.Entry(user, AuditActions.WallPresented, current?.Slide.ToString(), AuditOutcome.Failure, $"{action}: {refusal.Reason}", origin.Current));
                return (current, CommandOutcome.Refused(refusal.Reason, why: new(refusal.Code, refusal.Detail)));
            }

            if (next is not null)
            {
                next = next with { Presenter = presenter };
            }

            var target = (next ?? current)?.Slide.ToString();
            var detail = next is null ? action : $"{action} {next.Step + 1}/{next.Sequence.Count}";
            recorded = audit.CommitAsync(audit.Entry(user, AuditActions.WallPresented, target, AuditOutcome.Success, detail, origin.Current));
            return (ends ? null : next, new CommandOutcome { Kind = OutcomeKind.Applied, Id = next?.Slide.ToString() });
        });
        return (outcome, recorded);
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await state.GetAuthenticationStateAsync()).User;
}

/// <summary>Why a presenter's step is refused: the English reason for the audit log, and the code the page words.</summary>
internal sealed record PresenterRefusal(string Reason, RefusalCode Code, string? Detail = null);
