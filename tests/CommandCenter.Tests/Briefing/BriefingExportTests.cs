using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using CommandCenter.Briefing;
using CommandCenter.Security;
using CommandCenter.Tests.Support;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using Twin.Data.Boundary;
using Twin.Domain.Briefing;
using Xunit.Abstractions;

namespace CommandCenter.Tests.Briefing;

/// <summary>
/// A leader's briefing page and its exports over three simulated days: the PDF's text (extracted
/// with poppler's pdftotext) holds the district, the date and the figures in Chinese on every page,
/// page 1 is rendered to PNG for a person to look at, the XLSX opens with every row, and no caller's
/// name or phone is anywhere.
/// </summary>
public sealed partial class BriefingExportTests(BriefingApp app, ITestOutputHelper output) : IClassFixture<BriefingApp>
{
    private const string Query = "day=2026-11-30&period=day";

    [Fact]
    public async Task The_pdf_carries_the_district_the_date_and_the_figures_in_Chinese_on_every_page()
    {
        using var leader = await app.SignInAsync(Roles.Leader);
        var figures = await FiguresAsync();

        var response = await leader.Client.GetAsync($"/api/briefing/export.pdf?{Query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = Path.Combine(BriefingApp.Artifacts(), "briefing-2026-11-30.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());

        var pages = int.Parse(PagesLine().Match(Run("pdfinfo", pdf)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(pages, 2, 12);
        var text = Run("pdftotext", "-layout", pdf, "-");
        output.WriteLine(text[..Math.Min(text.Length, 3000)]);
        var pageTexts = text.Split('\f', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(pages, pageTexts.Length);
        Assert.All(pageTexts, page =>
        {
            Assert.Contains(BriefingText.DistrictZh, page);
            Assert.Contains("生成时间 2026-12-01 10:", page); // Asia/Shanghai: the twin's clock started at 10:00 there
        });
        Assert.Contains("今日城市体征 · 2026-11-30", text);
        Assert.Contains("需要决策的事项", text);
        Assert.Contains("新增工单", text);
        Assert.Contains("部门排名", text); // 门, not the radical ⻔ that shares its glyph
        Assert.Contains("立案", text);
        var reportsIn = BriefingText.Number(figures.Vitals.Of(VitalFigure.TicketsIn).Value);
        Assert.Matches($@"新增工单\s+{Regex.Escape(reportsIn)}\s", text);
        Assert.Matches($@"受理（含并案）\s+{Regex.Escape(BriefingText.Number(figures.Evaluation.Overall.Row.Reports))}\s", text);
        Assert.DoesNotMatch(PhoneNumber(), text);

        Run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, Path.Combine(BriefingApp.Artifacts(), "briefing-page1"));
        Assert.True(new FileInfo(Path.Combine(BriefingApp.Artifacts(), "briefing-page1.png")).Length > 20_000, "page 1 renders with content");
    }

    [Fact]
    public async Task The_xlsx_has_a_sheet_per_table_with_every_row()
    {
        using var officer = await app.SignInAsync(Roles.Officer);
        var figures = await FiguresAsync();

        var response = await officer.Client.GetAsync($"/api/briefing/export.xlsx?{Query}&lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Contains("departments", stream.GetSheetNames());
        var rows = stream.Query(sheetName: "departments").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(4 + figures.Evaluation.ByDepartment.Count, rows.Count);
        Assert.Equal(BriefingText.DistrictEn, rows[0]["A"]);
        Assert.StartsWith("Generated 2026-12-01 10:", rows[1]["A"]?.ToString());
        Assert.Equal("Rank", rows[3]["A"]);
        Assert.Equal("1", rows[4]["A"]?.ToString());
        var vitals = stream.Query(sheetName: "vitals").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("Reports in", vitals[4]["B"]);
        Assert.Equal(BriefingText.Number(figures.Vitals.Of(VitalFigure.TicketsIn).Value), vitals[4]["C"]?.ToString());
    }

    [Theory]
    [InlineData("day=2026-13-01")]
    [InlineData("day=2099-01-01")]
    [InlineData("period=fortnight")]
    [InlineData("period=custom&from=2026-11-30&to=2026-11-01")]
    public async Task A_bad_query_is_a_problem_not_a_file(string query)
    {
        using var leader = await app.SignInAsync(Roles.Leader);

        var response = await leader.Client.GetAsync($"/api/briefing/export.pdf?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_leader_lands_on_the_briefing_which_shows_the_figures_and_no_caller()
    {
        using var leader = await app.SignInAsync(Roles.Leader);

        var html = await leader.Client.GetStringAsync("/briefing?" + Query);

        Assert.Contains("今日城市体征 · 2026-11-30", html);
        Assert.Contains("data-table=\"departments\"", html);
        Assert.DoesNotMatch(PhoneNumber(), html);
    }

    private async Task<BriefingFigures> FiguresAsync()
    {
        var day = new DateOnly(2026, 11, 30);
        return await app.Services.GetRequiredService<ITwinBriefings>().GetBriefingAsync(day, BriefingPeriod.Containing(PeriodKind.Day, day));
    }

    private static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils).");
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {stderr}");
        return stdout;
    }

    [GeneratedRegex(@"Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    /// <summary>A mainland mobile number in clear (masked ones read 138****1234).</summary>
    [GeneratedRegex(@"(?<![\d.])1[3-9]\d{9}(?!\d)")]
    private static partial Regex PhoneNumber();
}
