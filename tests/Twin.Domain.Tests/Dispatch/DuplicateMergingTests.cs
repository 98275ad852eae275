using Twin.Domain.Dispatch;
using Twin.Domain.Tests.Support;
using Twin.Domain.Tickets;

namespace Twin.Domain.Tests.Dispatch;

public class DuplicateMergingTests
{
    private const string SameProblemTitle = "工地夜间施工噪声扰民";
    private const string SameProblemText = "晚上十点后工地还在施工，噪声很大";

    private static readonly Twin.Domain.Geography.GeoPoint Here = TestGeo.Changshou;

    [Fact]
    public void The_same_problem_from_12345_and_随申拍_50_m_and_10_min_apart_joins_the_case_with_an_explanation()
    {
        var desk = new Desk();
        desk.Report("T-1", TicketChannel.Hotline12345, at: Here);
        desk.Time.Advance(TimeSpan.FromMinutes(10));

        desk.Report("T-2", TicketChannel.CitizenApp, at: Desk.North(Here, 50), title: SameProblemTitle, description: SameProblemText);

        var report = desk["T-2"];
        Assert.Equal((TicketStatus.Merged, "T-1"), (report.Status, report.MergedIntoId));
        Assert.Equal((TicketStatus.Discovered, 1), (desk["T-1"].Status, desk["T-1"].DuplicatesCount));
        var merge = desk.HistoryOf("T-2").Last();
        Assert.Equal((TicketStatus.Discovered, TicketStatus.Merged), (merge.From!.Value, merge.To));
        Assert.Contains("自动并案", merge.Note);
        Assert.Contains("同类事项（噪声扰民）", merge.Note);
        Assert.Matches("相距(4[89]|5[01])米", merge.Note);
        Assert.Contains("间隔10分钟", merge.Note);
        Assert.Contains("文本相似度", merge.Note);
        Assert.Contains("随申拍", desk.HistoryOf("T-1").Last().Note);

        // One case in the backlog, not two: no duplicate dispatch.
        Assert.Equal(1, desk.Engine.Snapshot().VitalSigns.Pulse.Backlog);
        Assert.Contains("cannot", desk.Do(new FileTicketCommand("T-2", Desk.Officer)).Reason);
    }

    [Theory]
    [InlineData("cooking-fumes", 50, SameProblemTitle, SameProblemText, "different category")]
    [InlineData("noise", 2000, SameProblemTitle, SameProblemText, "2 km away")]
    [InlineData("noise", 50, "广场舞音响声音太大", "每天傍晚小区空地有人跳舞放音乐", "different text")]
    public void A_report_that_differs_in_category_place_or_text_stays_a_case_of_its_own(
        string category, double metres, string title, string description, string why)
    {
        var desk = new Desk();
        desk.Report("T-1", at: Here);
        desk.Time.Advance(TimeSpan.FromMinutes(10));

        desk.Report("T-2", TicketChannel.CitizenApp, category, Desk.North(Here, metres), title, description);

        var report = desk["T-2"];
        Assert.True(report is { Status: TicketStatus.Discovered, MergedIntoId: null, PossibleDuplicateOf: null }, why);
        Assert.Equal(0, desk["T-1"].DuplicatesCount);
    }

    [Fact]
    public void A_weaker_match_is_offered_to_the_officer_who_can_merge_it()
    {
        var desk = new Desk();
        desk.Report("T-1", at: Here);
        desk.Time.Advance(TimeSpan.FromHours(20));

        desk.Report("T-2", TicketChannel.GridPatrol, at: Desk.North(Here, 280));

        var report = desk["T-2"];
        Assert.Equal((TicketStatus.Discovered, "T-1"), (report.Status, report.PossibleDuplicateOf));
        Assert.Contains("疑似重复", desk.HistoryOf("T-2").Single().Note);
        Assert.Equal(1, desk.Engine.Snapshot().Dispatch!.DuplicateCandidates);

        desk.Ok(new MergeTicketCommand("T-2", Desk.Officer, "T-1"));
        Assert.Equal((TicketStatus.Merged, "T-1", null), (desk["T-2"].Status, desk["T-2"].MergedIntoId, desk["T-2"].PossibleDuplicateOf));
        Assert.Equal(1, desk["T-1"].DuplicatesCount);
    }

    [Fact]
    public void The_explanation_of_an_offered_candidate_gives_the_figures_the_report_was_judged_by()
    {
        var desk = new Desk();
        desk.Report("T-1", at: Here);
        desk.Time.Advance(TimeSpan.FromHours(20));
        desk.Report("T-2", TicketChannel.GridPatrol, at: Desk.North(Here, 280));

        var offered = desk.Engine.Duplicates.Explain(desk["T-2"], desk["T-1"]);

        Assert.Equal((DuplicateDecision.Candidate, "T-1", "同类事项（噪声扰民）"), (offered.Decision, offered.CaseId, offered.Rule));
        Assert.InRange(offered.DistanceMetres, 275, 285);
        Assert.Equal(TimeSpan.FromHours(20), offered.TimeGap);
        Assert.Equal(1.0, offered.Similarity, 3);
        Assert.InRange(offered.Score, desk.Engine.Duplicates.Rules.CandidateScore, desk.Engine.Duplicates.Rules.MergeScore);
        Assert.Contains("间隔20.0小时", offered.Figures);

        desk.Ok(new MergeTicketCommand("T-2", Desk.Officer, "T-1"));
        Assert.Equal(DuplicateDecision.Merge, desk.Engine.Duplicates.Explain(desk["T-2"], desk["T-1"]).Decision);
    }

    [Fact]
    public void A_related_category_is_only_ever_offered()
    {
        var desk = new Desk();
        desk.Report("T-1", at: Here);
        desk.Report("T-2", TicketChannel.CitizenApp, "illegal-construction", Desk.North(Here, 10), SameProblemTitle, SameProblemText);

        Assert.Equal((TicketStatus.Discovered, "T-1"), (desk["T-2"].Status, desk["T-2"].PossibleDuplicateOf));
        Assert.Contains("相关事项", desk.HistoryOf("T-2").Single().Note);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void The_time_window_is_inclusive_at_its_edge(int minutesPast, bool considered)
    {
        var rules = new DuplicateRules();
        var desk = new Desk(rules);
        desk.Report("T-1", at: Here);
        desk.Time.Advance(rules.Window + TimeSpan.FromMinutes(minutesPast));

        desk.Report("T-2", at: Here);

        Assert.Equal(considered ? "T-1" : null, desk["T-2"].PossibleDuplicateOf ?? desk["T-2"].MergedIntoId);
    }

    [Fact]
    public void A_chain_of_three_reports_joins_one_case_and_a_split_restores_both()
    {
        var desk = new Desk();
        desk.Report("T-1", TicketChannel.Hotline12345, at: Here);
        desk.Time.Advance(TimeSpan.FromMinutes(5));
        desk.Report("T-2", TicketChannel.CitizenApp, at: Desk.North(Here, 40), title: SameProblemTitle, description: SameProblemText);
        desk.Time.Advance(TimeSpan.FromMinutes(5));

        // Reads like the second report more than the first: it still finds the case, not the report.
        desk.Report("T-3", TicketChannel.NonPolice110, at: Desk.North(Here, 80), title: "工地夜间施工噪声", description: "十点后工地还在施工噪声很大");

        Assert.Equal(("T-1", "T-1"), (desk["T-2"].MergedIntoId, desk["T-3"].MergedIntoId));
        Assert.Equal(2, desk["T-1"].DuplicatesCount);

        desk.Ok(new SplitTicketCommand("T-2", Desk.Officer, "是另一处工地"));

        Assert.Equal((TicketStatus.Discovered, null), (desk["T-2"].Status, desk["T-2"].MergedIntoId));
        Assert.Equal(1, desk["T-1"].DuplicatesCount);
        Assert.Contains("拆案", desk.LoopSteps("T-2").Last().Note);
        Assert.Equal(2, desk.Engine.Snapshot().VitalSigns.Pulse.Backlog);

        // Both are cases again: the split report can be filed, and new reports can find it.
        desk.Ok(new FileTicketCommand("T-2", Desk.Officer));
        Assert.Equal(TicketStatus.Filed, desk["T-2"].Status);
    }

    [Fact]
    public void A_closed_case_is_no_longer_joined()
    {
        var desk = new Desk();
        desk.Report("T-1", at: Here);
        desk.Ok(new CloseTicketCommand("T-1", Desk.Officer, "已现场处理"));

        desk.Report("T-2", TicketChannel.CitizenApp, at: Desk.North(Here, 20), title: SameProblemTitle, description: SameProblemText);

        Assert.True(desk["T-2"] is { Status: TicketStatus.Discovered, MergedIntoId: null, PossibleDuplicateOf: null });
    }

    [Fact]
    public void Bigram_similarity_is_one_for_the_same_text_and_ignores_punctuation()
    {
        var a = TextSimilarity.Bigrams("夜间施工，噪声扰民！");
        Assert.Equal(1.0, TextSimilarity.Dice(a, TextSimilarity.Bigrams("夜间施工 噪声扰民")));
        Assert.Equal(0.0, TextSimilarity.Dice(a, TextSimilarity.Bigrams("路灯不亮")));
    }
}
