using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Emergency;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// The open proposals (a CAP warning or a gauge breach suggests a mode): everyone at the console
/// sees them; a supervisor or leader confirms or dismisses one with a reason in one click. A
/// proposal never switches the mode by itself.
/// </summary>
public sealed partial class ProposalBanner
{
    private readonly Dictionary<string, string> _reasons = new(StringComparer.Ordinal);
    private bool _collapsed;

    [Inject]
    private IEmergencyCommands Commands { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ModeProposal> Proposals { get; set; } = [];

    private bool MayDecide { get; set; }

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    protected override async Task OnInitializedAsync() => MayDecide = (await Commands.PowersAsync()).ChangeMode;

    private string ReasonOf(string id) => _reasons.GetValueOrDefault(id, string.Empty);

    private Task ConfirmAsync(string id) => DecideAsync(id, reason => Commands.ConfirmAsync(id, reason));

    private Task DismissAsync(string id) => DecideAsync(id, reason => Commands.DismissAsync(id, reason));

    private async Task DecideAsync(string id, Func<string, Task<Twin.Data.Boundary.CommandOutcome>> decide)
    {
        Busy = true;
        Refusal = null;
        try
        {
            var outcome = await decide(ReasonOf(id).Trim());
            if (outcome.Accepted)
            {
                _reasons.Remove(id);
            }
            else
            {
                Refusal = RefusalText.Of(outcome, ConsoleText.ActionRefused);
            }
        }
        finally
        {
            Busy = false;
        }
    }
}
