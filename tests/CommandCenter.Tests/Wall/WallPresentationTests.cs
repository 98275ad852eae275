using CommandCenter.Configuration;
using CommandCenter.Scenes;
using Microsoft.Extensions.Time.Testing;

namespace CommandCenter.Tests.Wall;

/// <summary>
/// The presenter's sequence on the fake clock: stepping forward and back stays inside it, a scene
/// chosen out of order keeps the place in the story, a highlight belongs to the scene on the walls,
/// and the presentation falls idle exactly after the idle time since the last action.
/// </summary>
public sealed class WallPresentationTests
{
    private const string Changfeng = "310107014000";
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));

    private static IReadOnlyList<PresenterSlide> Sequence(string text)
    {
        Assert.True(PresenterSlide.TryParseSequence(text, WallOptions.IsSubDistrictCode, out var sequence), text);
        return sequence;
    }

    [Fact]
    public void Forward_and_back_walk_the_prepared_sequence_and_stop_at_its_ends()
    {
        var sequence = Sequence($"district, district#alerts, corridor#water-quality, district@{Changfeng}");
        var p = WallPresentation.Start("张三（zhangsan）", sequence, _clock.GetUtcNow());
        Assert.Equal((0, new PresenterSlide(WallScene.District)), (p.Step, p.Slide));

        p = p.Back(_clock.GetUtcNow());
        Assert.Equal(0, p.Step);

        p = p.Forward(_clock.GetUtcNow()).Forward(_clock.GetUtcNow());
        Assert.Equal((2, new PresenterSlide(WallScene.Corridor, null, "water-quality")), (p.Step, p.Slide));

        p = p.Forward(_clock.GetUtcNow()).Forward(_clock.GetUtcNow()).Forward(_clock.GetUtcNow());
        Assert.Equal((3, new PresenterSlide(WallScene.District, Changfeng)), (p.Step, p.Slide));
        Assert.True(p.IsLast);

        p = p.Back(_clock.GetUtcNow());
        Assert.Equal((2, "corridor#water-quality"), (p.Step, p.Slide.ToString()));
    }

    [Fact]
    public void A_slide_chosen_out_of_order_keeps_the_place_in_the_sequence_unless_it_is_in_it()
    {
        var sequence = Sequence("district, corridor, district#voice");
        var p = WallPresentation.Start("李四", sequence, _clock.GetUtcNow()).Forward(_clock.GetUtcNow());

        p = p.Choose(new PresenterSlide(WallScene.District, Changfeng), _clock.GetUtcNow());
        Assert.Equal((1, $"district@{Changfeng}"), (p.Step, p.Slide.ToString()));
        Assert.Equal("district#voice", p.Forward(_clock.GetUtcNow()).Slide.ToString());

        p = p.Choose(new PresenterSlide(WallScene.District, null, "voice"), _clock.GetUtcNow());
        Assert.Equal(2, p.Step);
    }

    [Fact]
    public void A_highlight_must_be_a_panel_of_the_scene_on_the_walls_and_null_clears_it()
    {
        var p = WallPresentation.Start("李四", Sequence("corridor"), _clock.GetUtcNow());

        p = p.Highlight("creek-levels", _clock.GetUtcNow());
        Assert.Equal("corridor#creek-levels", p.Slide.ToString());
        Assert.Throws<ArgumentException>(() => p.Highlight("alerts", _clock.GetUtcNow()));
        Assert.Null(p.Highlight(null, _clock.GetUtcNow()).Slide.Highlight);
    }

    [Fact]
    public void The_presentation_falls_idle_exactly_the_idle_time_after_the_last_action()
    {
        var p = WallPresentation.Start("李四", Sequence("district, corridor"), _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.False(p.IsIdle(_clock.GetUtcNow(), Idle));
        p = p.Forward(_clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.False(p.IsIdle(_clock.GetUtcNow(), Idle));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(p.IsIdle(_clock.GetUtcNow(), Idle));
    }

    [Theory]
    [InlineData("district", true)]
    [InlineData(" Corridor # water-quality ", true)]
    [InlineData("emergency#plan", true)]
    [InlineData("district@310107014000#alerts", true)]
    [InlineData("district#water-quality", false)]
    [InlineData("corridor@310107014000", false)]
    [InlineData("district@310108014000", false)]
    [InlineData("district@3101070140", false)]
    [InlineData("briefing", true)]
    [InlineData("briefing#look", false)]
    [InlineData("key-events#key-overdue", true)]
    [InlineData("key-events!T-20261205-0042", true)]
    [InlineData("district!A-7#alerts", true)]
    [InlineData("corridor!T-20261205-0042", false)]
    [InlineData("briefing!T-20261205-0042", false)]
    [InlineData("district!", false)]
    [InlineData("", false)]
    public void A_slide_is_a_scene_a_district_only_sub_district_a_target_on_a_map_scene_and_a_panel_of_that_scene(string text, bool valid) =>
        Assert.Equal(valid, PresenterSlide.TryParse(text, WallOptions.IsSubDistrictCode, out _));

    [Fact]
    public void The_default_sequence_is_valid()
    {
        var sequence = Sequence(new WallOptions().PresenterSequence);
        Assert.Contains(sequence, s => s.Scene == WallScene.Corridor);
        Assert.Contains(sequence, s => s.SubDistrict is not null);
        Assert.Contains(sequence, s => s.Highlight is not null);
        Assert.Contains(sequence, s => s.Scene == WallScene.KeyEvents);
        Assert.Contains(sequence, s => s.Scene == WallScene.Briefing);
    }

    [Fact]
    public void A_target_reads_back_as_it_was_written_so_the_audit_names_it()
    {
        Assert.True(PresenterSlide.TryParse("key-events!T-20261205-0042#key-alarms", WallOptions.IsSubDistrictCode, out var slide));
        Assert.Equal(new PresenterSlide(WallScene.KeyEvents, null, "key-alarms", "T-20261205-0042"), slide);
        Assert.Equal("key-events!T-20261205-0042#key-alarms", slide.ToString());
    }
}
