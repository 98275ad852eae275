using System.Security.Claims;
using CommandCenter.Configuration;
using CommandCenter.Officers;
using CommandCenter.Scenes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Twin.Data.Boundary;
using Twin.Domain.Emergency;
using Twin.Domain.Engine;

namespace CommandCenter.Security;

/// <summary>
/// The role check around the 平急融合 commands for the signed-in person (scoped to their circuit).
/// The actor and the role the engine records are taken from the session, never from the page; a
/// refused action never reaches the writer and is audited with what was tried on what.
/// </summary>
public sealed class EmergencyCommands(
    ITwinCommands commands,
    AuthenticationStateProvider state,
    IAuthorizationService authorization,
    SignedInOfficer officer,
    WallSceneDirector scenes) : IEmergencyCommands
{
    // English, for logs and APIs; a screen words the refusal's code in its language.
    public const string ModeRefusal = "Only a supervisor or a leader may change the mode.";
    public const string WorkRefusal = "This role may not work the plan or the supplies.";

    public async Task<EmergencyPowers> PowersAsync()
    {
        var user = await UserAsync();
        return new EmergencyPowers(RoleOf(user) is { } role && role.MayChangeMode(), await MayWorkAsync(user));
    }

    public Task<CommandOutcome> StartAsync(EmergencyType type, ResponseLevel level, string reason, CancellationToken ct = default) =>
        AsDeciderAsync((actor, role) => new StartEmergencyCommand(type, level, actor, role, reason), "emergency.start", $"{type.Slug()} {level}", ct);

    public Task<CommandOutcome> ChangeLevelAsync(ResponseLevel level, string reason, CancellationToken ct = default) =>
        AsDeciderAsync((actor, role) => new ChangeResponseLevelCommand(level, actor, role, reason), "emergency.level", level.ToString(), ct);

    public Task<CommandOutcome> EndAsync(string reason, CancellationToken ct = default) =>
        AsDeciderAsync((actor, role) => new EndEmergencyCommand(actor, role, reason), "emergency.end", string.Empty, ct);

    public Task<CommandOutcome> ConfirmAsync(string proposalId, string reason, CancellationToken ct = default) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(CommandOutcome.Refused("A confirmation needs a reason.", why: new(RefusalCode.NeedsReason)))
            : AsDeciderAsync((actor, role) => new ConfirmProposalCommand(proposalId, actor, role, reason), "proposal.confirm", proposalId, ct);

    public Task<CommandOutcome> DismissAsync(string proposalId, string reason, CancellationToken ct = default) =>
        AsDeciderAsync((actor, role) => new DismissProposalCommand(proposalId, actor, role, reason), "proposal.dismiss", proposalId, ct, changesMode: false);

    public Task<CommandOutcome> CompleteStepAsync(string stepId, string note, CancellationToken ct = default) =>
        AsWorkerAsync(actor => new CompleteChecklistStepCommand(stepId, actor, note), "checklist.done", stepId, ct);

    public Task<CommandOutcome> MoveStockAsync(string depotId, string item, StockMovementKind kind, int quantity, string note, CancellationToken ct = default) =>
        AsWorkerAsync(actor => new MoveStockCommand(depotId, item, kind, quantity, actor, note), $"stock.{kind.ToString().ToLowerInvariant()}", $"{depotId} {item}", ct);

    public async Task<CommandOutcome> PushSceneAsync(WallScene scene)
    {
        var user = await UserAsync();
        if (RoleOf(user) is not { } role || !role.MayChangeMode())
        {
            await officer.RecordRefusalAsync("wall.scene", scene.Slug());
            return CommandOutcome.Refused(ModeRefusal, forbidden: true, new(RefusalCode.RoleMayNotChangeMode));
        }

        return scenes.Push(scene)
            ? new CommandOutcome { Kind = OutcomeKind.Applied, Id = scene.Slug() }
            : CommandOutcome.Refused("During an emergency the walls hold the emergency scene.", why: new(RefusalCode.EmergencyHoldsWall));
    }

    /// <summary>The role the engine weighs; a person holding several acts in the highest.</summary>
    public static OfficerRole? RoleOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Leader) ? OfficerRole.Leader
        : user.IsInRole(Roles.Supervisor) ? OfficerRole.Supervisor
        : user.IsInRole(Roles.Officer) ? OfficerRole.Officer
        : null;

    private async Task<CommandOutcome> AsDeciderAsync(Func<string, OfficerRole, TwinCommand> command, string action, string target, CancellationToken ct, bool changesMode = true)
    {
        var user = await UserAsync();
        if (RoleOf(user) is not { } role || !role.MayChangeMode())
        {
            await officer.RecordRefusalAsync(action, target);
            return CommandOutcome.Refused(ModeRefusal, forbidden: true, new(RefusalCode.RoleMayNotChangeMode));
        }

        if (changesMode)
        {
            // Only for the walls' timing: the scene's message says when this reached the server.
            scenes.ModeChangeReceived();
        }

        return await commands.SubmitAsync(command(SignedInOfficer.NameOf(user), role), ct);
    }

    private async Task<CommandOutcome> AsWorkerAsync(Func<string, TwinCommand> command, string action, string target, CancellationToken ct)
    {
        var user = await UserAsync();
        if (!await MayWorkAsync(user))
        {
            await officer.RecordRefusalAsync(action, target);
            return CommandOutcome.Refused(WorkRefusal, forbidden: true, new(RefusalCode.RoleMayNotWorkPlan));
        }

        return await commands.SubmitAsync(command(SignedInOfficer.NameOf(user)), ct);
    }

    private async Task<bool> MayWorkAsync(ClaimsPrincipal user) => (await authorization.AuthorizeAsync(user, Policies.ActOnTickets)).Succeeded;

    private async Task<ClaimsPrincipal> UserAsync() => (await state.GetAuthenticationStateAsync()).User;
}
