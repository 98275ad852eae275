using CommandCenter.Localization;
using CommandCenter.Officers;
using Microsoft.AspNetCore.Components;
using Twin.Domain.Emergency;

namespace CommandCenter.Components.Console.Emergency;

/// <summary>
/// The running plan's checklist: each step with its department and time limit, overdue and
/// 督办 steps marked, an open step's department with its duty room's phone (masked until revealed); an officer ticks a step with a note of what was done.
/// </summary>
public sealed partial class ChecklistDesk
{
    private string? _ticking;
    private string? _note;

    [Inject]
    private IEmergencyCommands Commands { get; set; } = default!;

    /// <summary>The step's department's duty room, so whoever works the step can call its owner.</summary>
    [Inject]
    private DutyRoster Roster { get; set; } = default!;

    [Parameter, EditorRequired]
    public IReadOnlyList<ChecklistStep> Steps { get; set; } = [];

    /// <summary>Twin time, for what is overdue.</summary>
    [Parameter, EditorRequired]
    public DateTimeOffset Now { get; set; }

    [Parameter]
    public bool MayWork { get; set; }

    private ChecklistProgress Progress => ChecklistProgress.Of(Steps, Now);

    private bool Busy { get; set; }

    private string? Refusal { get; set; }

    private static string TitleOf(ChecklistStep step) => Language.Name(step.TitleZh, step.TitleEn);

    private void Open(string stepId)
    {
        _ticking = stepId;
        _note = null;
        Refusal = null;
    }

    private async Task TickAsync(string stepId)
    {
        Busy = true;
        try
        {
            var outcome = await Commands.CompleteStepAsync(stepId, _note!.Trim());
            if (outcome.Accepted)
            {
                _ticking = null;
                _note = null;
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
