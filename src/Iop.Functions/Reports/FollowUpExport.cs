using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Iop.Functions.Export.Spreadsheets;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Reports;

/// <summary>The yearly follow-up as a file: every table in one CSV, or one worksheet per table. The page's tables, in the user's language.</summary>
internal static class FollowUpExport
{
    /// <summary>
    /// Every table in one CSV (semicolons, UTF-8 with a byte order mark, CRLF), each after a title line and separated from
    /// the previous by a blank line. Decimals have a decimal comma, as Excel in Swedish reads them; formulas are defused.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<ReportTable> tables)
    {
        var text = new StringBuilder();
        foreach (var (table, i) in tables.Select((t, i) => (t, i)))
        {
            if (i > 0)
            {
                text.Append("\r\n");
            }

            Line(text, [table.Title]);
            Line(text, table.Headers);
            foreach (var row in table.Rows)
            {
                Line(text, [row.Header, .. row.Cells.Select(CsvValue)]);
            }
        }

        return Utf8WithBom(text);
    }

    /// <summary>One worksheet per table: its title, a bold frozen header row, numbers as numbers.</summary>
    public static byte[] Xlsx(IReadOnlyList<ReportTable> tables, int year, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = new Sheets();
            foreach (var (table, i) in tables.Select((t, i) => (t, i)))
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData(new Row(Text(0, 1, table.Title, HeaderStyle)) { RowIndex = 1U });
                data.Append(new Row(table.Headers.Select((h, c) => Text(c, 2, h, HeaderStyle))) { RowIndex = 2U });
                var rowNumber = 2;
                foreach (var row in table.Rows)
                {
                    rowNumber++;
                    var r = rowNumber;
                    data.Append(new Row([Text(0, r, row.Header, row.IsTotal ? HeaderStyle : 0), .. row.Cells.Select((value, c) => XlsxValue(c + 1, r, value))]) { RowIndex = (uint)r });
                }

                sheetPart.Worksheet = new Worksheet(
                    new SheetViews(new SheetView(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0U }),
                    new Columns(table.Headers.Select((_, c) => new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = c == 0 ? 44 : 18, CustomWidth = true })),
                    data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = (uint)i + 1, Name = table.SheetName });
            }

            workbook.Workbook.Append(sheets);
            document.PackageProperties.Title = T($"IOP – årlig uppföljning {year}", $"IOP – yearly follow-up {year}");
            document.PackageProperties.Created = now.UtcDateTime;
        }

        return stream.ToArray();
    }

    private static string CsvValue(object? value) => value switch
    {
        null => "",
        int n => n.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString("0.##", Swedish),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };

    private static Cell XlsxValue(int column, int row, object? value) => value switch
    {
        null => Empty(column, row),
        int n => Number(column, row, n),
        decimal d => Number(column, row, d),
        var other => Text(column, row, Convert.ToString(other, CultureInfo.InvariantCulture) ?? "", 0),
    };
}
