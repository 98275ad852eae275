using System.Text;
using CommandCenter.Localization;
using SkiaSharp;

namespace CommandCenter.Briefing;

/// <summary>
/// The briefing as an A4 PDF drawn with SkiaSharp's PDF backend: the font is embedded (subset),
/// so the Chinese text prints anywhere and can be copied or searched. Every page carries the
/// district's name, the title and the generation time (Asia/Shanghai) and its page number.
/// </summary>
public sealed class BriefingPdf(BriefingOptions options)
{
    private const float Width = 595.28f;
    private const float Height = 841.89f;
    private const float Margin = 40;
    private const float Top = 78;
    private const float Bottom = Height - 44;
    private const float Body = 9f;
    private const float RowHeight = 14f;

    /// <summary>True when the configured font exists and has Chinese glyphs.</summary>
    public bool FontAvailable => LoadTypeface() is { } typeface && Dispose(typeface);

    public byte[] Render(BriefingDocument document)
    {
        using var typeface = LoadTypeface() ?? throw new InvalidOperationException($"No Chinese font at {options.FontFile} ({BriefingOptions.Section}:FontFile); install fonts-noto-cjk.");

        // A first pass counts the pages so that each footer can say "page n of N".
        var pages = Layout(document, typeface, null, 0);
        using var stream = new MemoryStream();
        using (var pdf = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = document.Title,
            Author = document.District,
            Creator = "CityOps Twin",
            Creation = document.GeneratedAt.UtcDateTime,
        }))
        {
            Layout(document, typeface, pdf, pages);
            pdf.Close();
        }

        return stream.ToArray();
    }

    private int Layout(BriefingDocument document, SKTypeface typeface, SKDocument? pdf, int totalPages)
    {
        using var page = new PageWriter(document, typeface, pdf, totalPages);
        page.Heading(document.Subtitle, 12);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case BriefingDocument.SectionBlock section:
                    page.Heading(section.Title, 13);
                    break;
                case BriefingDocument.BarsBlock bars:
                    page.Bars(bars);
                    break;
                case BriefingDocument.TableBlock table:
                    page.Table(table.Table);
                    break;
            }
        }

        return page.Number;
    }

    private SKTypeface? LoadTypeface()
    {
        if (!File.Exists(options.FontFile) || SKTypeface.FromFile(options.FontFile, options.FontIndex) is not { } typeface)
        {
            return null;
        }

        using var probe = new SKFont(typeface);
        if (probe.ContainsGlyph('简'))
        {
            return typeface;
        }

        typeface.Dispose();
        return null;
    }

    private static bool Dispose(IDisposable disposable)
    {
        disposable.Dispose();
        return true;
    }

    /// <summary>Draws top to bottom, starting a new page when the next block does not fit.</summary>
    private sealed class PageWriter : IDisposable
    {
        private readonly BriefingDocument _document;
        private readonly SKDocument? _pdf;
        private readonly int _total;
        private readonly SKFont _font;
        private readonly SKPaint _ink = new() { IsAntialias = true, Color = new SKColor(0x11, 0x1a, 0x27) };
        private readonly SKPaint _muted = new() { IsAntialias = true, Color = new SKColor(0x5b, 0x65, 0x73) };
        private readonly SKPaint _accent = new() { IsAntialias = true, Color = new SKColor(0x1f, 0x6f, 0xd1) };
        private readonly SKPaint _rule = new() { IsAntialias = true, Color = new SKColor(0xd5, 0xdb, 0xe3), StrokeWidth = 0.5f, Style = SKPaintStyle.Stroke };
        private readonly SKPaint _band = new() { Color = new SKColor(0xee, 0xf2, 0xf7) };
        private SKCanvas? _canvas;
        private float _y;

        public PageWriter(BriefingDocument document, SKTypeface typeface, SKDocument? pdf, int total)
        {
            _document = document;
            _pdf = pdf;
            _total = total;
            _font = new SKFont(typeface, Body);
            NewPage();
        }

        public int Number { get; private set; }

        public void Heading(string text, float size)
        {
            Ensure(size * 2 + RowHeight * 2);
            _y += size * 0.6f;
            Text(text, Margin, _y + size, size, size >= 13 ? _accent : _ink);
            _y += size * 1.7f;
        }

        public void Bars(BriefingDocument.BarsBlock block)
        {
            Ensure(RowHeight * 2);
            Text(block.Title, Margin, _y + RowHeight - 3, Body + 1, _ink);
            _y += RowHeight + 2;
            var max = block.Bars.Count == 0 ? 0 : block.Bars.Max(b => b.Value);
            foreach (var bar in block.Bars)
            {
                Ensure(RowHeight);
                Text(bar.Label, Margin, _y + RowHeight - 4, Body, _ink);
                var width = max > 0 ? (float)(bar.Value / max) * 300 : 0;
                _canvas?.DrawRect(Margin + 110, _y + 2, width, RowHeight - 5, _accent);
                Text(bar.Text, Margin + 420, _y + RowHeight - 4, Body, _ink);
                _y += RowHeight;
            }

            _y += 6;
        }

        public void Table(BriefingTable table)
        {
            var columns = Columns(table);
            Ensure(RowHeight * 3);
            Text(table.Title, Margin, _y + RowHeight - 3, Body + 1, _ink);
            _y += RowHeight + 2;
            Header(table.Headers, columns);
            if (table.Rows.Count == 0)
            {
                Text(_document.Lang.Pick("无", "None"), Margin + 4, _y + RowHeight - 4, Body, _muted);
                _y += RowHeight;
            }

            foreach (var row in table.Rows)
            {
                if (_y + RowHeight > Bottom)
                {
                    NewPage();
                    Header(table.Headers, columns);
                }

                Cells(row.Cells, columns, _ink);
                _canvas?.DrawLine(Margin, _y, Width - Margin, _y, _rule);
            }

            _y += 10;
        }

        public void Dispose()
        {
            EndPage();
            _font.Dispose();
            _ink.Dispose();
            _muted.Dispose();
            _accent.Dispose();
            _rule.Dispose();
            _band.Dispose();
        }

        private void Header(IReadOnlyList<string> headers, float[] columns)
        {
            _canvas?.DrawRect(Margin, _y, Width - 2 * Margin, RowHeight, _band);
            Cells(headers, columns, _ink);
        }

        private void Cells(IReadOnlyList<string> cells, float[] columns, SKPaint paint)
        {
            var x = Margin;
            for (var i = 0; i < cells.Count && i < columns.Length; i++)
            {
                Text(Fit(cells[i], columns[i] - 6), x + 3, _y + RowHeight - 4, Body, paint);
                x += columns[i];
            }

            _y += RowHeight;
        }

        /// <summary>Column widths in proportion to their widest text, within the page's width.</summary>
        private float[] Columns(BriefingTable table)
        {
            var widths = table.Headers.Select((h, i) => Math.Max(_font.MeasureText(h), table.Rows.Select(r => i < r.Cells.Count ? _font.MeasureText(r.Cells[i]) : 0).DefaultIfEmpty(0).Max()) + 8).ToArray();
            var available = Width - 2 * Margin;
            var total = widths.Sum();
            return total <= available ? widths : widths.Select(w => Math.Max(28, w * available / total)).ToArray();
        }

        private string Fit(string text, float width)
        {
            if (_font.MeasureText(text) <= width)
            {
                return text;
            }

            var cut = text;
            while (cut.Length > 1 && _font.MeasureText(cut + "…") > width)
            {
                cut = cut[..^1];
            }

            return cut + "…";
        }

        private void Text(string text, float x, float y, float size, SKPaint paint)
        {
            if (_canvas is null || text.Length == 0)
            {
                return;
            }

            _font.Size = size;
            using (var blob = TextBlob(text, _font, x, y))
            {
                _canvas.DrawText(blob, 0, 0, paint);
            }

            _font.Size = Body;
        }

        /// <summary>
        /// A run that carries its text beside its glyphs. Noto CJK gives one glyph to both 门 and the
        /// radical ⻔, and the PDF's glyph-to-text map would name the radical (the lower code point);
        /// with the text and its clusters the PDF writes what was drawn, so copying and searching find 部门.
        /// </summary>
        private static SKTextBlob TextBlob(string text, SKFont font, float x, float y)
        {
            var glyphs = font.GetGlyphs(text);
            var utf8 = Encoding.UTF8.GetBytes(text);
            var clusters = new uint[glyphs.Length];
            var (glyph, offset) = (0, 0);
            foreach (var rune in text.EnumerateRunes())
            {
                if (glyph < clusters.Length)
                {
                    clusters[glyph++] = (uint)offset;
                }

                offset += rune.Utf8SequenceLength;
            }

            using var builder = new SKTextBlobBuilder();
            var run = builder.AllocateTextRun(font, glyphs.Length, x, y, utf8.Length);
            run.SetGlyphs(glyphs);
            run.SetText(utf8);
            run.SetClusters(clusters);
            return builder.Build()!;
        }

        private void Ensure(float height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            EndPage();
            Number++;
            _canvas = _pdf?.BeginPage(Width, Height);
            Text(_document.District, Margin, 36, 10, _muted);
            Text(_document.Title, Margin, 54, 15, _ink);
            _canvas?.DrawLine(Margin, 62, Width - Margin, 62, _accent);
            var footer = _document.GeneratedLine + "  ·  " + _document.District
                + "  ·  " + _document.Lang.Pick($"第 {Number} 页，共 {_total} 页", $"page {Number} of {_total}");
            Text(footer, Margin, Height - 24, 8, _muted);
            _y = Top;
        }

        private void EndPage()
        {
            if (_canvas is not null)
            {
                _pdf!.EndPage();
                _canvas = null;
            }
        }
    }
}
