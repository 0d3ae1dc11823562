using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Iop.Cases;
using Iop.Common;
using Iop.Officials;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Waiting;

/// <summary>What a case waits for, read from the record: the source of truth the workflow's waits follow.</summary>
public static class Waits
{
    /// <summary>The open waits of the case, each with its reminder steps up to a horizon past <paramref name="now"/>.</summary>
    public static IReadOnlyList<OpenWait> Of(RegisteredCase state, ReminderCadence cadence, DateTimeOffset now, PartnershipRule? partnership = null)
    {
        var file = state.File;
        var waits = new List<OpenWait>();
        if (state is InPartnerVetting { Vetting: var vetting } && vetting.Outstanding().ToList() is { Count: > 0 } outstanding)
        {
            var steps = outstanding.SelectMany(o => ReminderSchedule.StepsFor(o.Item, o.DueAt, cadence, Horizon(o.DueAt, cadence, now)));
            var contact = file.Initiative.Contact;
            waits.Add(new OpenWait(
                VettingKey(outstanding), null, null, new Person(contact.Name, contact.Email), file.Initiative.OrganisationName,
                outstanding.Min(o => o.DueAt), Ordered(steps), vetting.StepsTaken));
        }

        foreach (var r in file.Requests.Where(r => r.IsOpen))
        {
            var steps = ReminderSchedule.StepsFor(r.LinkId, r.DueAt, cadence, Horizon(r.DueAt, cadence, now));
            waits.Add(new OpenWait(RequestKey(r), r.Id, r.Kind, r.Addressee, r.OrganisationName, r.DueAt, Ordered(steps), r.StepsTaken));
        }

        if (state is ActivePartnership active)
        {
            // The coordinator decides before the term ends; the partnership ends by itself when the last day has passed.
            var end = Partnerships.PartnershipTerms.EndsOn(active);
            var steps = Partnerships.PartnershipTerms.Steps(active, partnership ?? PartnershipRule.Default);
            waits.Add(new OpenWait(
                Partnerships.PartnershipTerms.Key(end), null, null, new Person(Coordinator, ""), file.Initiative.OrganisationName,
                SwedishClock.EndOfDay(end), steps, active.StepsTaken));

            // The organisation's yearly reports asked for and not yet sent, each reminded as in vetting.
            var contact = file.Initiative.Contact;
            foreach (var report in file.YearlyReports.Where(r => r.IsOpen))
            {
                var reportSteps = Partnerships.YearlyReports.ReminderSteps(report, cadence, Horizon(report.DueAt, cadence, now));
                waits.Add(new OpenWait(ReportKey(report), null, null, new Person(contact.Name, contact.Email), file.Initiative.OrganisationName, report.DueAt, Ordered(reportSteps), report.StepsTaken));
            }
        }

        return waits;
    }

    /// <summary>The keys of the open waits: what the workflow must be waiting for. Independent of the time.</summary>
    public static ValueList<string> Keys(CaseState state)
    {
        if (state is not RegisteredCase { File: var file })
        {
            return ValueList<string>.Empty;
        }

        var keys = new List<string>();
        if (state is InPartnerVetting { Vetting: var vetting } && vetting.Outstanding().ToList() is { Count: > 0 } outstanding)
        {
            keys.Add(VettingKey(outstanding));
        }

        keys.AddRange(file.Requests.Where(r => r.IsOpen).Select(RequestKey));
        if (state is ActivePartnership active)
        {
            keys.Add(Partnerships.PartnershipTerms.Key(Partnerships.PartnershipTerms.EndsOn(active)));
            keys.AddRange(file.YearlyReports.Where(r => r.IsOpen).Select(ReportKey));
        }

        return keys.ToValueList();
    }

    /// <summary>The wait with this key, if the case still waits for it.</summary>
    public static OpenWait? Find(RegisteredCase state, string key, ReminderCadence cadence, DateTimeOffset now, PartnershipRule? partnership = null) =>
        Of(state, cadence, now, partnership).FirstOrDefault(w => w.Key == key);

    /// <summary>Who a running partnership's term waits on: the coordinator, named as the role.</summary>
    public const string Coordinator = "IOP-samordnaren";

    /// <summary>A request's wait starts over with each issue (another addressee) and each due date.</summary>
    private static string RequestKey(OfficialRequest r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.LinkId}@{r.DueAt.UtcDateTime:yyyyMMdd'T'HHmm}");

    /// <summary>A yearly report's wait starts over with each request (a new link and due date).</summary>
    private static string ReportKey(Partnerships.YearlyReport r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Item}@{r.DueAt.UtcDateTime:yyyyMMdd'T'HHmm}");

    /// <summary>The organisation's wait starts over when what it owes changes: an item answered or a due date moved.</summary>
    private static string VettingKey(IEnumerable<(string Item, DateTimeOffset DueAt)> outstanding)
    {
        var items = string.Join('\n', outstanding.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Item}|{o.DueAt.UtcDateTime:O}")).Order(StringComparer.Ordinal));
        return "vetting@" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(items)))[..12];
    }

    /// <summary>Enough weekly steps to always have one after <paramref name="now"/>.</summary>
    private static DateTimeOffset Horizon(DateTimeOffset dueAt, ReminderCadence cadence, DateTimeOffset now)
    {
        var from = dueAt > now ? dueAt : now;
        return from.AddDays(Math.Max(cadence.RepeatEveryDaysOverdue, 1) + cadence.EscalateAfterDaysOverdue);
    }

    private static ValueList<ReminderStep> Ordered(IEnumerable<ReminderStep> steps) =>
        steps.OrderBy(s => s.At).ThenBy(s => s.Key, StringComparer.Ordinal).ToValueList();
}
