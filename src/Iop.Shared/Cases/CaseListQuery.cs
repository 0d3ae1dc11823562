using System.Globalization;

namespace Iop.Cases;

/// <summary>Which cases the coordinator's list shows.</summary>
public enum CaseView
{
    /// <summary>Every case on its way to a partnership or a decision not to have one (alla öppna).</summary>
    Open,

    /// <summary>Open cases whose next move is the coordinator's (väntar på mig).</summary>
    Mine,

    /// <summary>Open cases past their next due date (försenade).</summary>
    Overdue,

    /// <summary>Every case, closed ones too (alla).</summary>
    All,
}

/// <summary>What the case list is ordered by.</summary>
public enum CaseSort
{
    /// <summary>Overdue first, then due soonest, then newest: the coordinator's work order.</summary>
    WorkOrder,

    /// <summary>Registration number (year, then sequence).</summary>
    Number,

    /// <summary>Organisation name, Swedish alphabetical order.</summary>
    Organisation,

    /// <summary>Stage, in process order.</summary>
    Stage,

    /// <summary>When the initiative arrived.</summary>
    Received,

    /// <summary>The next due date; cases without one last.</summary>
    Due,
}

/// <summary>One page of the case list, with how many cases matched in all.</summary>
public sealed record CaseListPage(IReadOnlyList<CaseSummary> Items, int Total, int Page, int PageCount);

/// <summary>
/// A search of the case list: free text over registration number, organisation, organisation number and contact person;
/// a stage; a view; an order; a page.
/// </summary>
public sealed record CaseListQuery(string? Text = null, Stage? Stage = null, CaseView View = CaseView.Open, CaseSort Sort = CaseSort.WorkOrder, bool Descending = false, int Page = 1, int PageSize = 50)
{
    /// <summary>The most rows a page may have.</summary>
    public const int MaxPageSize = 500;

    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    /// <summary>Whether a case is still open: on its way to a partnership or a decision not to have one.</summary>
    public static bool IsOpen(Stage stage) => stage is not (Cases.Stage.Active or Cases.Stage.Ended or Cases.Stage.Discontinued);

    /// <summary>Every matching case in the query's order, all pages.</summary>
    public IReadOnlyList<CaseSummary> Matching(IEnumerable<CaseSummary> cases, DateTimeOffset now)
    {
        var terms = Terms(Text);
        var matching = cases.Where(c => InView(c, now) && (Stage is null || c.Stage == Stage) && terms.All(t => Matches(c, t)));
        return Ordered(matching, now);
    }

    /// <summary>The query's page of the matching cases (the last page when asked for one past it).</summary>
    public CaseListPage Apply(IEnumerable<CaseSummary> cases, DateTimeOffset now)
    {
        var matching = Matching(cases, now);
        var size = Math.Clamp(PageSize, 1, MaxPageSize);
        var pages = Math.Max(1, (matching.Count + size - 1) / size);
        var page = Math.Clamp(Page, 1, pages);
        return new CaseListPage([.. matching.Skip((page - 1) * size).Take(size)], matching.Count, page, pages);
    }

    private bool InView(CaseSummary c, DateTimeOffset now) => View switch
    {
        CaseView.All => true,
        CaseView.Mine => IsOpen(c.Stage) && c.WaitingOn.Any(w => w.Kind == PartyKind.Coordinator),
        CaseView.Overdue => IsOpen(c.Stage) && c.IsOverdue(now),

        // A stage asked for by name is shown even when closed (e.g. every discontinued case).
        _ => IsOpen(c.Stage) || Stage is not null,
    };

    private IReadOnlyList<CaseSummary> Ordered(IEnumerable<CaseSummary> cases, DateTimeOffset now)
    {
        IOrderedEnumerable<CaseSummary> ordered = Sort switch
        {
            CaseSort.Number => By(cases, c => c.Number.Year).ThenBy(c => c.Number.Sequence, Descending),
            CaseSort.Organisation => Descending ? cases.OrderByDescending(c => c.OrganisationName, Swedish) : cases.OrderBy(c => c.OrganisationName, Swedish),
            CaseSort.Stage => By(cases, c => c.Stage),
            CaseSort.Received => By(cases, c => c.ReceivedAt),
            CaseSort.Due => cases.OrderBy(c => c.DueAt is null).ThenBy(c => c.DueAt, Descending),
            _ => null!,
        };
        return Sort == CaseSort.WorkOrder ? CaseSummary.InWorkOrder(cases, now) : [.. ordered.ThenByDescending(c => c.ReceivedAt)];
    }

    private IOrderedEnumerable<CaseSummary> By<TKey>(IEnumerable<CaseSummary> cases, Func<CaseSummary, TKey> key) =>
        Descending ? cases.OrderByDescending(key) : cases.OrderBy(key);

    private static string[] Terms(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// A term matches when any field contains it, case-insensitively; a term of digits (and dashes) also matches the
    /// organisation number written with or without its dash, and the registration number's year and sequence.
    /// </summary>
    private static bool Matches(CaseSummary c, string term)
    {
        if (Contains(c.Number.Value, term) || Contains(c.OrganisationName, term) || Contains(c.OrganisationNumber, term) || Contains(c.ContactName, term) || Contains(c.ContactEmail, term))
        {
            return true;
        }

        var digits = Digits(term);
        return digits.Length >= 3 && digits.Length == term.Count(ch => ch is not ('-' or ' ' or '/')) && (Digits(c.OrganisationNumber).Contains(digits, StringComparison.Ordinal) || Digits(c.Number.Value).Contains(digits, StringComparison.Ordinal));
    }

    private static bool Contains(string field, string term) => CultureInfo.GetCultureInfo("sv-SE").CompareInfo.IndexOf(field, term, CompareOptions.IgnoreCase) >= 0;

    private static string Digits(string text) => new([.. text.Where(char.IsAsciiDigit)]);
}

/// <summary>Ordering helpers that take the direction as a value.</summary>
internal static class OrderingExtensions
{
    public static IOrderedEnumerable<T> ThenBy<T, TKey>(this IOrderedEnumerable<T> source, Func<T, TKey> key, bool descending) =>
        descending ? source.ThenByDescending(key) : source.ThenBy(key);
}
