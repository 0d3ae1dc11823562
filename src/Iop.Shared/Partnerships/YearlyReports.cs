using System.Globalization;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Partnerships;

/// <summary>What the organisation sent as its report on a year.</summary>
/// <param name="Activity">A short report of the year's activity.</param>
/// <param name="Contributions">The co-financing actually contributed in the year, per party.</param>
/// <param name="Files">Attached documents (e.g. the annual report), oldest first.</param>
/// <param name="SubmittedBy">Who sent it.</param>
/// <param name="SubmittedAt">When.</param>
public sealed record YearlyReportSubmission(string Activity, ValueList<CoFinancing> Contributions, ValueList<UploadedFile> Files, string SubmittedBy, DateTimeOffset SubmittedAt);

/// <summary>
/// The organisation's report on one year of the partnership (årsrapport): asked for through a signed link of its own
/// (issue <paramref name="Issue"/>; a new request revokes the earlier link), reminded as in vetting, and the latest submission.
/// </summary>
public sealed record YearlyReport(
    int Year,
    int Issue,
    DateTimeOffset DueAt,
    DateTimeOffset LinkExpiresAt,
    DateTimeOffset RequestedAt,
    ValueList<string> StepsTaken,
    YearlyReportSubmission? Submission)
{
    /// <summary>Whether the organisation has yet to answer the latest request.</summary>
    public bool IsOpen => Submission is null || Submission.SubmittedAt < RequestedAt;

    /// <summary>The item its reminder steps are about; it changes with each issue so that a new request starts over.</summary>
    public string Item => string.Create(CultureInfo.InvariantCulture, $"report-{Year}~{Issue}");
}

/// <summary>The coordinator asks the organisation for its report on <paramref name="Year"/> by <paramref name="DueOn"/> (a new link).</summary>
public sealed record RequestYearlyReport(int Year, DateOnly DueOn, Actor By) : CaseCommand(By);

/// <summary>The organisation sends its report through the link of issue <paramref name="Issue"/>; the files are stored already.</summary>
public sealed record SubmitYearlyReport(int Year, int Issue, string? Activity, ValueList<CoFinancing> Contributions, ValueList<UploadedFile> Files, Actor By) : CaseCommand(By);

/// <summary>The organisation was asked for its report on a year, by the coordinator or by the partnership's calendar.</summary>
public sealed record YearlyReportRequested(int Year, int Issue, DateTimeOffset DueAt, DateTimeOffset LinkExpiresAt, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The organisation sent its report on a year.</summary>
public sealed record YearlyReportSubmitted(int Year, YearlyReportSubmission Submission, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The organisation was reminded of its report; <paramref name="Steps"/> are now taken.</summary>
public sealed record YearlyReportReminded(int Year, ValueList<string> Steps, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The coordinator was told the report is overdue; <paramref name="Steps"/> are now taken.</summary>
public sealed record YearlyReportEscalated(int Year, ValueList<string> Steps, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stable codes of the yearly report's rules.</summary>
public static class YearlyReportRules
{
    /// <summary>The year is not one of the partnership's years up to now.</summary>
    public const string YearInvalid = "report.year-invalid";

    /// <summary>The due date lies in the past or more than a year ahead.</summary>
    public const string DueInvalid = "report.due-invalid";

    /// <summary>The report was not asked for, or the link was replaced by a newer one.</summary>
    public const string LinkRevoked = "report.link-revoked";

    /// <summary>The link has expired.</summary>
    public const string LinkExpired = "report.link-expired";

    /// <summary>The activity report is required.</summary>
    public const string ActivityRequired = "report.activity-required";

    /// <summary>More files than a report may have.</summary>
    public const string TooManyFiles = "report.too-many-files";

    /// <summary>How long a report link stays valid after its due date, in days: room for a late answer.</summary>
    public const int LinkValidDaysAfterDue = 90;

    /// <summary>The most files one report may have.</summary>
    public const int MaxFiles = 10;
}

/// <summary>
/// The organisation's yearly report: asked for each year of the partnership on the guideline's day of the following year
/// (the partnership's calendar), or by the coordinator; reminded and escalated on the guideline's cadence as in vetting.
/// </summary>
public static class YearlyReports
{
    /// <summary>When the calendar asks for the report on <paramref name="year"/>: the guideline's day, on a working day, 08:00.</summary>
    public static DateTimeOffset RequestAt(int year, PartnershipRule rule) =>
        SwedishClock.FromLocal(SwedishWorkingDays.NextWorkingDay(PartnershipRule.DayIn(rule.YearlyReportRequestedOn, year + 1)!.Value).ToDateTime(new TimeOnly(8, 0)));

    /// <summary>When the report on <paramref name="year"/> is due when the calendar asks for it: the end of the guideline's day.</summary>
    public static DateTimeOffset DueAt(int year, PartnershipRule rule) => SwedishClock.EndOfDay(PartnershipRule.DayIn(rule.YearlyReportDueOn, year + 1)!.Value);

    /// <summary>The document id a report's files are stored under.</summary>
    public static string DocumentId(int year) => string.Create(CultureInfo.InvariantCulture, $"yearly-report-{year}");

    /// <summary>The report on a year, if it was asked for.</summary>
    public static YearlyReport? Find(CaseFile file, int year) => file.YearlyReports.FirstOrDefault(r => r.Year == year);

    /// <summary>
    /// The calendar's requests still to come: one per year of the term whose report is not asked for yet, on the
    /// guideline's day of the following year, if that lies within the term and after the signature.
    /// </summary>
    public static IEnumerable<ReminderStep> RequestSteps(ActivePartnership state, PartnershipRule rule)
    {
        var end = PartnershipTerms.EndsOn(state);
        for (var year = state.Term.Start.Year; year < end.Year; year++)
        {
            var at = RequestAt(year, rule);
            if (Find(state.File, year) is null && (state.SignedAt is not { } signed || at > signed) && SwedishClock.LocalDate(at) <= end)
            {
                yield return new ReminderStep(string.Create(CultureInfo.InvariantCulture, $"report-request@{year}"), "report-request", at, IsEscalation: false);
            }
        }
    }

    /// <summary>The calendar's requests among <paramref name="due"/> steps.</summary>
    public static IEnumerable<CaseEvent> Requested(IEnumerable<ReminderStep> due, PartnershipRule rule, Actor by, DateTimeOffset now) =>
        due.Where(s => s.Item == "report-request")
            .Select(s => int.Parse(s.Key.AsSpan(s.Key.IndexOf('@') + 1), CultureInfo.InvariantCulture))
            .Select(year => Request(year, 1, DueAt(year, rule) > now ? DueAt(year, rule) : SwedishClock.EndOfDay(SwedishClock.LocalDate(now).AddDays(30)), by, now));

    /// <summary>The reminder and escalation steps of each open report, on the guideline's cadence (as in vetting).</summary>
    public static IEnumerable<ReminderStep> ReminderSteps(YearlyReport report, ReminderCadence cadence, DateTimeOffset until) =>
        report.IsOpen ? ReminderSchedule.StepsFor(report.Item, report.DueAt, cadence, until) : [];

    /// <summary>The reminders and escalations of open reports that are due and not taken.</summary>
    public static IEnumerable<CaseEvent> DueSteps(CaseFile file, ReminderCadence cadence, Actor by, DateTimeOffset now)
    {
        foreach (var report in file.YearlyReports.Where(r => r.IsOpen))
        {
            var due = ReminderSteps(report, cadence, now).Where(s => s.At <= now && !report.StepsTaken.Contains(s.Key)).ToList();
            if (due.Where(s => !s.IsEscalation).Select(s => s.Key).ToValueList() is { Count: > 0 } reminders)
            {
                yield return new YearlyReportReminded(report.Year, reminders, by, now);
            }

            if (due.Where(s => s.IsEscalation).Select(s => s.Key).ToValueList() is { Count: > 0 } escalations)
            {
                yield return new YearlyReportEscalated(report.Year, escalations, by, now);
            }
        }
    }

    /// <summary>Decides a request or a submission.</summary>
    public static Decision Decide(ActivePartnership state, CaseCommand command, DecisionContext context) => command switch
    {
        RequestYearlyReport c => RequestByCoordinator(state, c, context),
        SubmitYearlyReport c => Submit(state, c, context),
        _ => Decision.Reject(CaseRules.WrongStage, $"{command.GetType().Name} is not about a yearly report."),
    };

    /// <summary>Applies a report event to the case file.</summary>
    public static ValueList<YearlyReport> Evolve(ValueList<YearlyReport> reports, CaseEvent e)
    {
        ValueList<YearlyReport> Update(int year, Func<YearlyReport, YearlyReport> change) => reports.Select(r => r.Year == year ? change(r) : r).ToValueList();
        return e switch
        {
            YearlyReportRequested x when reports.Any(r => r.Year == x.Year) =>
                Update(x.Year, r => r with { Issue = x.Issue, DueAt = x.DueAt, LinkExpiresAt = x.LinkExpiresAt, RequestedAt = x.At, StepsTaken = ValueList<string>.Empty }),
            YearlyReportRequested x => reports.Append(new YearlyReport(x.Year, x.Issue, x.DueAt, x.LinkExpiresAt, x.At, ValueList<string>.Empty, null)).OrderBy(r => r.Year).ToValueList(),
            YearlyReportSubmitted x => Update(x.Year, r => r with { Submission = x.Submission }),
            YearlyReportReminded x => Update(x.Year, r => r with { StepsTaken = r.StepsTaken.Concat(x.Steps).ToValueList() }),
            YearlyReportEscalated x => Update(x.Year, r => r with { StepsTaken = r.StepsTaken.Concat(x.Steps).ToValueList() }),
            _ => reports,
        };
    }

    private static YearlyReportRequested Request(int year, int issue, DateTimeOffset dueAt, Actor by, DateTimeOffset now) =>
        new(year, issue, dueAt, dueAt.AddDays(YearlyReportRules.LinkValidDaysAfterDue), by, now);

    private static Decision RequestByCoordinator(ActivePartnership state, RequestYearlyReport c, DecisionContext context)
    {
        var today = SwedishClock.LocalDate(context.Now);
        if (c.Year < state.Term.Start.Year || c.Year > Math.Min(today.Year, state.Term.End.Year))
        {
            return Decision.Reject(YearlyReportRules.YearInvalid, string.Create(CultureInfo.InvariantCulture, $"The report must be on a year of the partnership from {state.Term.Start.Year} up to this year."));
        }

        if (c.DueOn <= today || c.DueOn > today.AddYears(1))
        {
            return Decision.Reject(YearlyReportRules.DueInvalid, "The due date must lie after today and at most a year ahead.");
        }

        var issue = (Find(state.File, c.Year)?.Issue ?? 0) + 1;
        return Decision.Accept(Request(c.Year, issue, SwedishClock.EndOfDay(c.DueOn), c.By, context.Now));
    }

    private static Decision Submit(ActivePartnership state, SubmitYearlyReport c, DecisionContext context)
    {
        if (Find(state.File, c.Year) is not { } report || report.Issue != c.Issue)
        {
            return Decision.Reject(YearlyReportRules.LinkRevoked, "The link was replaced by a newer one, or the report was not asked for.");
        }

        if (context.Now >= report.LinkExpiresAt)
        {
            return Decision.Reject(YearlyReportRules.LinkExpired, "The link has expired.");
        }

        if (PlainText.IsBlank(c.Activity))
        {
            return Decision.Reject(YearlyReportRules.ActivityRequired, "Describe the year's activity.");
        }

        if (c.Activity!.Trim().Length > CaseRules.MaxTextLength)
        {
            return Decision.Reject(CaseRules.NoteTooLong, $"A text may be at most {CaseRules.MaxTextLength} characters.");
        }

        if (c.Files.Count > YearlyReportRules.MaxFiles)
        {
            return Decision.Reject(YearlyReportRules.TooManyFiles, $"A report may have at most {YearlyReportRules.MaxFiles} files.");
        }

        if (FollowUps.CheckContributions(c.Contributions, c.Year, c.Year) is { } invalid)
        {
            return invalid;
        }

        var submission = new YearlyReportSubmission(c.Activity.Trim(), FollowUps.Normalise(c.Contributions), c.Files, c.By.Name, context.Now);
        return Decision.Accept(new YearlyReportSubmitted(c.Year, submission, c.By, context.Now));
    }
}
