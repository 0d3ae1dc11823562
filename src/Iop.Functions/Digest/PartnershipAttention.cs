using System.Globalization;
using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Partnerships;
using Iop.Policies;

namespace Iop.Functions.Digest;

/// <summary>
/// What in a running partnership waits on the coordinator, for the weekly digest: a follow-up dialogue due within
/// <see cref="FollowUpHorizonDays"/> days or overdue, a decision on the term's end the coordinator was reminded of and
/// has not made, and the organisation's yearly reports past their due date.
/// </summary>
internal static class PartnershipAttention
{
    /// <summary>How far ahead a follow-up dialogue counts as due.</summary>
    public const int FollowUpHorizonDays = 30;

    /// <summary>
    /// Whether the choice for the end of the current term is due: the coordinator has been reminded of this end date (a
    /// <c>term-{months}m@{end}</c> step was taken), has not chosen to let it end, and no party gave notice. A reminder
    /// of an earlier end does not count: after an extension the new end has reminders of its own.
    /// </summary>
    public static bool TermDecisionDue(ActivePartnership active)
    {
        var end = "@" + active.Term.End.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return active is { Choice: not TermChoice.LetEnd, Notice: null }
            && active.StepsTaken.Any(k => k.StartsWith("term-", StringComparison.Ordinal) && !k.StartsWith("term-end", StringComparison.Ordinal) && k.EndsWith(end, StringComparison.Ordinal));
    }

    /// <summary>What waits, as Swedish phrases for the digest's line (none: the partnership needs nothing now).</summary>
    public static IReadOnlyList<string> Describe(ActivePartnership active, PolicyProfile policy, DateTimeOffset now)
    {
        var today = SwedishTime.Today(now);
        var phrases = new List<string>();
        if (FollowUps.NextDue(active, policy.Partnership) is { } due && due <= today.AddDays(FollowUpHorizonDays))
        {
            phrases.Add(due < today ? $"uppföljningsdialogen skulle ha hållits senast {Long(due)}" : $"uppföljningsdialog senast {Long(due)}");
        }

        if (TermDecisionDue(active))
        {
            phrases.Add($"beslut om avtalstidens slut {Long(active.Term.End)}: förlänga, omförhandla eller avsluta");
        }

        phrases.AddRange(active.File.YearlyReports.Where(r => r.IsOpen && r.DueAt < now)
            .Select(r => $"organisationens årsrapport för {r.Year.ToString(CultureInfo.InvariantCulture)}, försenad sedan {SwedishTime.FormatDateLong(r.DueAt)}"));
        return phrases;
    }

    private static string Long(DateOnly day) => day.ToString("d MMMM yyyy", Language.Swedish);
}
