using System.Globalization;
using Iop.Policies;

namespace Iop.Functions.Hosting;

/// <summary>
/// <c>profile list</c> prints the built-in guidelines with their counts; <c>profile check &lt;file&gt;</c> reads a
/// municipality's own profile and prints either a readable summary or every error, each naming its field. Exit codes:
/// 0 valid, 1 invalid, 2 wrong usage.
/// </summary>
internal static class ProfileCommand
{
    private const string Usage = "Usage: profile list | profile check <file.json>";

    public static bool TryRun(string[] args, TextWriter output)
    {
        switch (args)
        {
            case ["profile", "list"]:
                List(output);
                return true;
            case ["profile", "check", var path]:
                Environment.ExitCode = Check(path, output);
                return true;
            case ["profile", ..]:
                output.WriteLine(Usage);
                Environment.ExitCode = 2;
                return true;
            default:
                return false;
        }
    }

    /// <summary>One line per built-in profile.</summary>
    public static void List(TextWriter output)
    {
        foreach (var id in PolicyProfileLoader.BuiltInIds)
        {
            var p = PolicyProfileLoader.LoadBuiltIn(id);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{p.Id,-16} {p.Name.Sv} ({p.Municipality}, version {p.Version}): {p.Checklist.Count} criteria, {p.Documents.Count} documents, {p.AgreementSections.Count} agreement sections, due dates in {p.Reminders.DayCount} days"));
        }
    }

    /// <summary>The profile's summary (0), or its errors (1).</summary>
    public static int Check(string path, TextWriter output)
    {
        path = PolicyProfileRegistration.Resolve(path);
        if (!File.Exists(path))
        {
            output.WriteLine($"{path}: no such file.");
            output.WriteLine(Usage);
            return 2;
        }

        var (profile, errors) = PolicyProfileLoader.Parse(File.ReadAllText(path));
        if (profile is null)
        {
            output.WriteLine($"{path}: {errors.Count} {(errors.Count == 1 ? "error" : "errors")}; the app would refuse to start with it.");
            foreach (var error in errors)
            {
                output.WriteLine($"  - {error}");
            }

            return 1;
        }

        output.WriteLine($"{path}: valid. {profile.Name.Sv} ({profile.Municipality}), id {profile.Id}, version {profile.Version}");
        output.WriteLine($"Source: {profile.Source}");
        output.WriteLine($"Checklist ({profile.Checklist.Count} criteria):");
        foreach (var c in profile.Checklist)
        {
            output.WriteLine($"  {c.Number}. {c.Text.Sv}{(c.RequiresProcurementOpinion ? " [procurement unit's opinion]" : "")}");
        }

        output.WriteLine($"Documents ({profile.Documents.Count}):");
        foreach (var d in profile.Documents)
        {
            output.WriteLine($"  - {d.Name.Sv}{(d.MayNotExist ? " [may not exist]" : "")}{(d.MustShowDemocraticGovernance ? " [must show democratic governance]" : "")}");
        }

        output.WriteLine(profile.Declaration is { } declaration
            ? $"Values declaration: version {declaration.Version}, {declaration.Text.Length} characters"
            : "Values declaration: none (the guideline asks for none)");
        if (profile.Checks.Count > 0)
        {
            output.WriteLine($"Checks before the agreement goes to the committees ({profile.Checks.Count}):");
            foreach (var check in profile.Checks)
            {
                output.WriteLine($"  - {check.Title.Sv}{(check.Optional ? " [optional]" : "")}: {check.Question.Sv}");
            }
        }

        if (profile.Staffing.OneNamedContact)
        {
            output.WriteLine("Staffing: each affected administration names one contact person");
        }

        output.WriteLine($"Agreement sections ({profile.AgreementSections.Count}): {string.Join("; ", profile.AgreementSections.Select(s => s.Title.Sv))}");
        var r = profile.Reminders;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Reminders ({r.DayCount} days): screening within {r.ScreeningDueDays}, requests due in {r.DueDays}, first reminder {r.FirstReminderDaysBeforeDue} before{(r.RemindOnDueDate ? ", on the due date" : "")}, then every {r.RepeatEveryDaysOverdue}; the coordinator is told at {r.EscalateAfterDaysOverdue} overdue"));
        if (profile.Notes.Count > 0)
        {
            output.WriteLine($"Notes on judgement calls ({profile.Notes.Count}):");
            foreach (var note in profile.Notes)
            {
                output.WriteLine($"  - {note}");
            }
        }

        return 0;
    }
}
