using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Iop.Functions.Export;

/// <summary>
/// What every export shares: CSV as Excel in Swedish opens it (semicolons, UTF-8 with a byte order mark, CRLF, formulas
/// defused) and the pieces of an XLSX sheet written with the OpenXML SDK (styles, cells, references).
/// </summary>
internal static class Spreadsheets
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public const string CsvContentType = "text/csv; charset=utf-8";

    public const uint HeaderStyle = 1;
    public const uint DateStyle = 2;
    public const uint NumberStyle = 3;

    /// <summary>The CSV text as bytes: UTF-8 with a byte order mark, so that Excel reads å, ä and ö.</summary>
    public static byte[] Utf8WithBom(StringBuilder text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];

    /// <summary>One CSV line: the fields separated by semicolons, ended by CRLF.</summary>
    public static void Line(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(';', fields.Select(Field)).Append("\r\n");
    }

    /// <summary>
    /// One CSV field (RFC 4180). A value that starts like a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe so
    /// that no spreadsheet runs it; a value with a separator, quote or line break is quoted.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    /// <summary>Plain, bold (headers), yyyy-mm-dd dates and whole numbers with a thousands separator (Excel's built-in format 3).</summary>
    public static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "yyyy-mm-dd" }) { Count = 1U },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border()) { Count = 1U },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1U, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 3U, ApplyNumberFormat = true })
        { Count = 4U });

    /// <summary>A text cell (an inline string: no shared-string table to keep in step).</summary>
    public static Cell Text(int column, int row, string value, uint style) => new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    /// <summary>A date cell: a number Excel shows as a date.</summary>
    public static Cell Date(int column, int row, DateOnly date) => new()
    {
        CellReference = Reference(column, row),
        StyleIndex = DateStyle,
        CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>A number cell: whole numbers with a thousands separator, others as Excel's General shows them.</summary>
    public static Cell Number(int column, int row, decimal value) => new()
    {
        CellReference = Reference(column, row),
        StyleIndex = value == decimal.Truncate(value) ? NumberStyle : null,
        CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>An empty cell.</summary>
    public static Cell Empty(int column, int row) => new() { CellReference = Reference(column, row) };

    /// <summary>E.g. "B7" for the second column of the seventh row (both 0-based column, 1-based row).</summary>
    public static string Reference(int column, int row) => string.Create(CultureInfo.InvariantCulture, $"{ColumnName(column)}{row}");

    /// <summary>A column's letters: A … Z, AA, AB …</summary>
    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }
}
