using MiniExcelLibs;

namespace CommandCenter.Briefing;

/// <summary>
/// The briefing's tables as an XLSX workbook, one sheet a table: the district and the generation
/// time on its first lines, then the headers and the rows as the page shows them.
/// </summary>
public static class BriefingXlsx
{
    public static byte[] Render(BriefingDocument document)
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            var rows = new List<Dictionary<string, object>>
            {
                Row([document.District, document.Title]),
                Row([document.GeneratedLine, document.Subtitle]),
                Row([table.Title]),
                Row(table.Headers),
            };
            rows.AddRange(table.Rows.Select(r => Row(r.Cells)));
            sheets[table.Key] = rows;
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, printHeader: false, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Cells keyed by column (A, B, …) so that every row of a sheet lines up, whatever its length.</summary>
    private static Dictionary<string, object> Row(IReadOnlyList<string> cells)
    {
        var row = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < 12; i++)
        {
            // Written as string cells, which a spreadsheet never evaluates (unlike a CSV's "=…").
            row[((char)('A' + i)).ToString()] = i < cells.Count ? cells[i] : string.Empty;
        }

        return row;
    }
}
