namespace Iop.Policies;

/// <summary>The rules a policy profile must satisfy beyond its JSON shape.</summary>
internal static class PolicyProfileValidator
{
    private const int MaxDays = 365;

    public static IReadOnlyList<string> Validate(PolicyProfile p)
    {
        var errors = new List<string>();
        void Require(bool ok, string field, string problem)
        {
            if (!ok)
            {
                errors.Add($"{field}: {problem}");
            }
        }

        void RequireText(string? value, string field) => Require(!string.IsNullOrWhiteSpace(value), field, "is required");
        void RequireLocalized(LocalizedText text, string field)
        {
            RequireText(text.Sv, field + ".sv");
            RequireText(text.En, field + ".en");
        }

        RequireText(p.Id, "id");
        Require(p.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), "id", "may hold only a-z, 0-9 and '-'");
        RequireText(p.Version, "version");
        RequireLocalized(p.Name, "name");
        RequireText(p.Municipality, "municipality");
        RequireText(p.Source, "source");

        Require(p.Checklist.Count > 0, "checklist", "needs at least one criterion");
        for (var i = 0; i < p.Checklist.Count; i++)
        {
            var c = p.Checklist[i];
            RequireText(c.Id, $"checklist[{i}].id");
            Require(c.Number == i + 1, $"checklist[{i}].number", $"must be {i + 1} (criteria are numbered in order from 1)");
            RequireLocalized(c.Text, $"checklist[{i}].text");
        }

        RequireUnique(p.Checklist.Select(c => c.Id), "checklist", errors);

        Require(p.Documents.Count > 0, "documents", "needs at least one document");
        for (var i = 0; i < p.Documents.Count; i++)
        {
            var d = p.Documents[i];
            RequireText(d.Id, $"documents[{i}].id");
            Require(d.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'), $"documents[{i}].id", "may hold only a-z, 0-9 and '-' (it names blobs)");
            RequireLocalized(d.Name, $"documents[{i}].name");
        }

        RequireUnique(p.Documents.Select(d => d.Id), "documents", errors);

        if (p.Declaration is { } declaration)
        {
            RequireText(declaration.Version, "declaration.version");
            RequireText(declaration.Text, "declaration.text");
            RequireText(declaration.TextEn, "declaration.textEn");
        }

        for (var i = 0; i < p.Checks.Count; i++)
        {
            var c = p.Checks[i];
            RequireText(c.Id, $"checks[{i}].id");
            RequireLocalized(c.Title, $"checks[{i}].title");
            RequireLocalized(c.Question, $"checks[{i}].question");
        }

        RequireUnique(p.Checks.Select(c => c.Id), "checks", errors);
        for (var i = 0; i < p.Partnership.TermRemindersMonthsBefore.Count; i++)
        {
            Require(p.Partnership.TermRemindersMonthsBefore[i] is > 0 and <= 24, $"partnership.termRemindersMonthsBefore[{i}]", "must be between 1 and 24 months");
        }

        var partnership = p.Partnership;
        Require(partnership.FollowUpEveryMonths is > 0 and <= 36, "partnership.followUpEveryMonths", "must be between 1 and 36 months");
        Require(partnership.NoticeMonths is >= 0 and <= 24, "partnership.noticeMonths", "must be between 0 and 24 months");
        var requested = PartnershipRule.DayIn(partnership.YearlyReportRequestedOn, 2001);
        var due = PartnershipRule.DayIn(partnership.YearlyReportDueOn, 2001);
        Require(requested is not null, "partnership.yearlyReportRequestedOn", "must be a day written MM-dd, e.g. 01-15");
        Require(due is not null, "partnership.yearlyReportDueOn", "must be a day written MM-dd, e.g. 03-31");
        Require(requested is null || due is null || due.Value.DayNumber - requested.Value.DayNumber >= 14, "partnership.yearlyReportDueOn", "must be at least two weeks after yearlyReportRequestedOn, in the same year");

        for (var i = 0; i < p.Notes.Count; i++)
        {
            RequireText(p.Notes[i], $"notes[{i}]");
        }

        Require(p.AgreementSections.Count > 0, "agreementSections", "needs at least one section");
        for (var i = 0; i < p.AgreementSections.Count; i++)
        {
            var s = p.AgreementSections[i];
            RequireText(s.Id, $"agreementSections[{i}].id");
            RequireLocalized(s.Title, $"agreementSections[{i}].title");
            RequireLocalized(s.Guidance, $"agreementSections[{i}].guidance");
        }

        RequireUnique(p.AgreementSections.Select(s => s.Id), "agreementSections", errors);

        var r = p.Reminders;
        Require(r.ScreeningDueDays is > 0 and <= MaxDays, "reminders.screeningDueDays", $"must be between 1 and {MaxDays}");
        Require(r.DueDays is > 0 and <= MaxDays, "reminders.dueDays", $"must be between 1 and {MaxDays}");
        Require(r.FirstReminderDaysBeforeDue >= 0 && r.FirstReminderDaysBeforeDue < r.DueDays, "reminders.firstReminderDaysBeforeDue", "must be at least 0 and less than dueDays");
        Require(r.RepeatEveryDaysOverdue is > 0 and <= MaxDays, "reminders.repeatEveryDaysOverdue", $"must be between 1 and {MaxDays}");
        Require(r.EscalateAfterDaysOverdue is > 0 and <= MaxDays, "reminders.escalateAfterDaysOverdue", $"must be between 1 and {MaxDays}");
        Require(r.DayCount is ReminderCadence.CalendarDays or ReminderCadence.WorkingDays, "reminders.dayCount", $"must be '{ReminderCadence.CalendarDays}' or '{ReminderCadence.WorkingDays}', not '{r.DayCount}'");
        return errors;
    }

    private static void RequireUnique(IEnumerable<string> ids, string field, List<string> errors)
    {
        foreach (var duplicate in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"{field}: the id '{duplicate.Key}' is used more than once");
        }
    }
}
