using CommandCenter.Configuration;

namespace CommandCenter.Scenes;

/// <summary>
/// A presentation holding the walls: who presents, the prepared sequence and where in it they are,
/// the slide on the walls and when the presenter last acted (the walls return to their rotation
/// after the configured idle time). Each action gives the next state; none changes this one.
/// </summary>
public sealed record WallPresentation(
    string Presenter,
    IReadOnlyList<PresenterSlide> Sequence,
    int Step,
    PresenterSlide Slide,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActionAt)
{
    public static WallPresentation Start(string presenter, IReadOnlyList<PresenterSlide> sequence, DateTimeOffset now) =>
        sequence.Count == 0
            ? throw new ArgumentException("A presentation needs at least one slide.", nameof(sequence))
            : new(presenter, sequence, 0, sequence[0], now, now);

    public bool IsFirst => Step == 0;

    public bool IsLast => Step == Sequence.Count - 1;

    /// <summary>The sequence's next slide; on the last one the walls stay (the clicker's extra press is no error).</summary>
    public WallPresentation Forward(DateTimeOffset now) => GoTo(Math.Min(Step + 1, Sequence.Count - 1), now);

    public WallPresentation Back(DateTimeOffset now) => GoTo(Math.Max(Step - 1, 0), now);

    /// <summary>
    /// A slide chosen out of order: its place in the sequence when it has one, else the sequence
    /// stays where it was, so stepping on continues the prepared story.
    /// </summary>
    public WallPresentation Choose(PresenterSlide slide, DateTimeOffset now)
    {
        var index = IndexOf(slide);
        return this with { Slide = slide, Step = index < 0 ? Step : index, LastActionAt = now };
    }

    /// <summary>Points the room at one panel of the slide's scene (null clears it).</summary>
    public WallPresentation Highlight(string? panel, DateTimeOffset now) =>
        panel is not null && !Slide.Shows(panel)
            ? throw new ArgumentException($"The scene {Slide.Scene.Slug()} has no panel '{panel}'.", nameof(panel))
            : this with { Slide = Slide with { Highlight = panel }, LastActionAt = now };

    public bool IsIdle(DateTimeOffset now, TimeSpan idle) => now - LastActionAt >= idle;

    private WallPresentation GoTo(int step, DateTimeOffset now) => this with { Step = step, Slide = Sequence[step], LastActionAt = now };

    private int IndexOf(PresenterSlide slide)
    {
        for (var i = 0; i < Sequence.Count; i++)
        {
            if (Sequence[i] == slide)
            {
                return i;
            }
        }

        return -1;
    }
}
