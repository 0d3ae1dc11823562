using Iop.Cases;
using Iop.Functions.Export;
using Iop.Functions.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Cases;

/// <summary>
/// The coordinator's case list: search, a stage, a view (open, waiting on me, overdue, all), sortable columns, pages,
/// and the matching cases exported as CSV or XLSX. Every choice is in the address, so a view can be bookmarked.
/// </summary>
[Authorize(Policy = StaffPolicies.Coordinator)]
public sealed class IndexModel(ICaseStore store, TimeProvider time) : PageModel
{
    /// <summary>The views' names in the address.</summary>
    public static readonly IReadOnlyDictionary<CaseView, string> ViewNames = new Dictionary<CaseView, string>
    {
        [CaseView.Open] = "oppna",
        [CaseView.Mine] = "mina",
        [CaseView.Overdue] = "forsenade",
        [CaseView.All] = "alla",
    };

    /// <summary>The sort columns' names in the address.</summary>
    public static readonly IReadOnlyDictionary<CaseSort, string> SortNames = new Dictionary<CaseSort, string>
    {
        [CaseSort.WorkOrder] = "arbetsordning",
        [CaseSort.Number] = "diarienummer",
        [CaseSort.Organisation] = "organisation",
        [CaseSort.Stage] = "steg",
        [CaseSort.Received] = "inkom",
        [CaseSort.Due] = "senast",
    };

    [BindProperty(SupportsGet = true, Name = "sok")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "steg")]
    public Stage? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "vy")]
    public string? ViewName { get; set; }

    /// <summary>The earlier "include closed" box (visa=alla), kept so old bookmarks work.</summary>
    [BindProperty(SupportsGet = true, Name = "visa")]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true, Name = "sortera")]
    public string? SortName { get; set; }

    [BindProperty(SupportsGet = true, Name = "fallande")]
    public bool Descending { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public CaseListPage Result { get; private set; } = new([], 0, 1, 1);

    public DateTimeOffset Now { get; private set; }

    /// <summary>The list's choices; an unknown name in the address means the default.</summary>
    public CaseListQuery Query => new(
        Text,
        Stage,
        Named(ViewNames, ViewName) ?? (Show == "alla" ? CaseView.All : CaseView.Open),
        Named(SortNames, SortName) ?? CaseSort.WorkOrder,
        Descending,
        PageNumber);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Result = Query.Apply(await store.ListAsync(null, cancellationToken).ConfigureAwait(false), Now);
    }

    /// <summary>Every matching case (all pages) as CSV for Excel in Swedish (semicolons, UTF-8 with BOM).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) =>
        File(CaseListExport.Csv(await MatchingAsync(cancellationToken).ConfigureAwait(false), Now), "text/csv; charset=utf-8", FileName("csv"));

    /// <summary>Every matching case (all pages) as an Excel workbook.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) =>
        File(CaseListExport.Xlsx(await MatchingAsync(cancellationToken).ConfigureAwait(false), Now), CaseListExport.XlsxContentType, FileName("xlsx"));

    /// <summary>The address of this list with some choices changed (the page starts over unless given).</summary>
    public string Link(CaseView? view = null, CaseSort? sort = null, bool? descending = null, int? page = null, string? handler = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["handler"] = handler,
            ["sok"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
            ["steg"] = Stage?.ToString(),
            ["vy"] = ViewNames[view ?? Query.View] is var v && v != ViewNames[CaseView.Open] ? v : null,
            ["sortera"] = (sort ?? Query.Sort) is var s && s != CaseSort.WorkOrder ? SortNames[s] : null,
            ["fallande"] = (descending ?? Descending) ? "true" : null,
            ["sida"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/arenden", query.Where(q => q.Value is not null)!);
    }

    /// <summary>The address that sorts by a column: ascending first, the other way round when already sorted by it.</summary>
    public string SortLink(CaseSort sort) => Link(sort: sort, descending: Query.Sort == sort && !Descending);

    /// <summary>The column's aria-sort value.</summary>
    public string AriaSort(CaseSort sort) => Query.Sort != sort ? "none" : Descending ? "descending" : "ascending";

    private async Task<IReadOnlyList<CaseSummary>> MatchingAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        return Query.Matching(await store.ListAsync(null, cancellationToken).ConfigureAwait(false), Now);
    }

    private static T? Named<T>(IReadOnlyDictionary<T, string> names, string? name)
        where T : struct, Enum =>
        names.Where(n => n.Value == name).Select(n => (T?)n.Key).FirstOrDefault();

    private string FileName(string extension) =>
        $"iop-arenden-{Localization.SwedishTime.ToLocal(Now):yyyy-MM-dd}.{extension}";
}
