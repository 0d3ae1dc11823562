using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Iop.Cases;
using Iop.Functions.Localization;
using static Iop.Functions.Export.Spreadsheets;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Export;

/// <summary>The case list as a file: CSV for any spreadsheet, XLSX for Excel. The same columns in both, in the user's language.</summary>
internal static class CaseListExport
{
    public const string XlsxContentType = Spreadsheets.XlsxContentType;

    private sealed record Column(string Header, Func<CaseSummary, DateTimeOffset, object?> Value, double Width);

    private static IReadOnlyList<Column> Columns() =>
    [
        new(T("Diarienummer", "Registration no."), (c, _) => c.Number.Value, 14),
        new(T("Organisation", "Organisation"), (c, _) => c.OrganisationName, 32),
        new(T("Organisationsnummer", "Organisation no."), (c, _) => c.OrganisationNumber, 18),
        new(T("Kontaktperson", "Contact person"), (c, _) => c.ContactName, 22),
        new(T("E-post", "E-mail"), (c, _) => c.ContactEmail, 28),
        new(T("Steg", "Stage"), (c, _) => Texts.StageName(c.Stage), 24),
        new(T("Väntar på", "Waiting on"), (c, _) => string.Join("; ", c.WaitingOn.Select(Texts.AwaitedName)), 40),
        new(T("Inkom", "Received"), (c, _) => LocalDate(c.ReceivedAt), 12),
        new(T("Nästa steg senast", "Next step due"), (c, _) => c.DueAt is { } due ? LocalDate(due) : null, 16),
        new(T("Försenat", "Overdue"), (c, now) => c.IsOverdue(now) ? T("Ja", "Yes") : T("Nej", "No"), 10),
        new(T("Senast ändrat", "Last changed"), (c, _) => LocalDate(c.UpdatedAt), 14),
    ];

    /// <summary>
    /// RFC 4180 with semicolons and a byte order mark, as Excel in Swedish opens it; dates as yyyy-mm-dd. A value that
    /// starts like a formula (=, +, -, @) is prefixed with an apostrophe so that no spreadsheet runs it.
    /// </summary>
    public static byte[] Csv(IEnumerable<CaseSummary> cases, DateTimeOffset now)
    {
        var columns = Columns();
        var text = new StringBuilder();
        Line(text, columns.Select(c => c.Header));
        foreach (var c in cases)
        {
            Line(text, columns.Select(col => col.Value(c, now) switch
            {
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                null => "",
                var value => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            }));
        }

        return Utf8WithBom(text);
    }

    /// <summary>One sheet with a bold, frozen header row and a filter; dates are dates, not text.</summary>
    public static byte[] Xlsx(IEnumerable<CaseSummary> cases, DateTimeOffset now)
    {
        var columns = Columns();
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Spreadsheets.Stylesheet();

            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var rows = 1;
            data.Append(new Row(columns.Select((c, i) => Text(i, 1, c.Header, HeaderStyle))) { RowIndex = 1U });
            foreach (var c in cases)
            {
                rows++;
                var row = new Row { RowIndex = (uint)rows };
                for (var i = 0; i < columns.Count; i++)
                {
                    row.Append(columns[i].Value(c, now) switch
                    {
                        DateOnly date => Date(i, rows, date),
                        null => Empty(i, rows),
                        var value => Text(i, rows, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0),
                    });
                }

                data.Append(row);
            }

            sheetPart.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0U }),
                new Columns(columns.Select((c, i) => new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })),
                data,
                new AutoFilter { Reference = $"A1:{Reference(columns.Count - 1, rows)}" });

            var sheetName = T("Ärenden", "Cases");
            workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1U, Name = sheetName }));
            workbook.Workbook.Append(new DefinedNames(new DefinedName($"'{sheetName}'!$A$1:${ColumnName(columns.Count - 1)}${rows}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0U, Hidden = true }));
            document.PackageProperties.Title = T("IOP-ärenden", "IOP cases");
            document.PackageProperties.Created = now.UtcDateTime;
        }

        return stream.ToArray();
    }

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(SwedishTime.ToLocal(instant).DateTime);
}
