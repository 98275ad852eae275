using System.Net;
using System.Text;
using CommandCenter.Localization;

namespace CommandCenter.Emergency;

/// <summary>A 复盘 as a file: a self-contained HTML page (no scripts, no external styles) or CSV (UTF-8 with a BOM, so spreadsheet programs read the Chinese).</summary>
public static class AfterActionExport
{
    public static string Html(AfterActionView view, Lang lang)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(lang.Code()).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(view.Title)).Append("</title><style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#111}table{border-collapse:collapse;width:100%}")
            .Append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef}")
            .Append("</style></head><body><main><h1>").Append(Encode(view.Title)).Append("</h1><p>").Append(Encode(view.Period)).Append("</p><table><thead><tr>");
        foreach (var header in Headers(lang))
        {
            html.Append("<th scope=\"col\">").Append(Encode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var line in view.Lines)
        {
            html.Append("<tr>");
            foreach (var cell in Cells(line))
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></main></body></html>").ToString();
    }

    public static byte[] Csv(AfterActionView view, Lang lang)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Headers(lang).Select(Quote)).Append("\r\n");
        foreach (var line in view.Lines)
        {
            csv.AppendJoin(',', Cells(line).Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static IReadOnlyList<string> Headers(Lang lang) =>
        [lang.Pick("时间", "Time"), lang.Pick("类别", "Section"), lang.Pick("事项", "What"), lang.Pick("详情", "Detail")];

    public static IReadOnlyList<string> Cells(AfterActionLine line) => [AfterActionView.Time(line.At), line.Section, line.What, line.Detail];

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
    private static string Quote(string cell)
    {
        var safe = cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) ? "'" + cell : cell;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
