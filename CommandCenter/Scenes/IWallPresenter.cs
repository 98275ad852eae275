using CommandCenter.Configuration;
using Twin.Data.Boundary;

namespace CommandCenter.Scenes;

/// <summary>
/// The presenter's actions on the walls (领导来访汇报) for the signed-in person: each is checked
/// against their role and audited before the walls follow it. Any action starts a presentation
/// when none holds the walls; <see cref="EndAsync"/> hands them back to their rotation.
/// </summary>
public interface IWallPresenter
{
    Task<bool> MayPresentAsync();

    /// <summary>The prepared sequence (<c>Twin:Wall:PresenterSequence</c>).</summary>
    IReadOnlyList<PresenterSlide> Sequence { get; }

    Task<CommandOutcome> StartAsync();

    Task<CommandOutcome> ForwardAsync();

    Task<CommandOutcome> BackAsync();

    Task<CommandOutcome> ChooseAsync(PresenterSlide slide);

    /// <summary>Points the room at one panel of the scene on the walls; null clears the highlight.</summary>
    Task<CommandOutcome> HighlightAsync(string? panel);

    Task<CommandOutcome> EndAsync();
}
