using System.Diagnostics;

namespace Iop.Cases;

/// <summary>
/// Tracing of case commands with <see cref="System.Diagnostics"/> only: one activity per command, tagged with the case
/// id, its registration number (diarienummer), the command and its outcome. Never personal data: no names, e-mail
/// addresses, phone numbers or free text.
/// </summary>
public static class CaseTelemetry
{
    /// <summary>The activity source name to listen to (OpenTelemetry <c>AddSource</c>).</summary>
    public const string SourceName = "Iop.Cases";

    /// <summary>The case id, 32 hex digits.</summary>
    public const string CaseId = "iop.case.id";

    /// <summary>The case's registration number, e.g. <c>KS 2026/1</c>.</summary>
    public const string RegistrationNumber = "iop.case.registration_number";

    /// <summary>The command's type name, e.g. <c>CompleteScreening</c>.</summary>
    public const string Command = "iop.command";

    /// <summary>How the command ended: <c>accepted</c>, <c>rejected</c> or <c>stale</c>.</summary>
    public const string Outcome = "iop.command.outcome";

    /// <summary>The rule a rejected command broke.</summary>
    public const string Rule = "iop.command.rule";

    /// <summary>The case's version after the command.</summary>
    public const string Version = "iop.case.version";

    internal static readonly ActivitySource Source = new(SourceName);

    internal static Activity? Start(CaseId id, CaseCommand command)
    {
        var activity = Source.StartActivity($"case {command.GetType().Name}");
        activity?.SetTag(CaseId, id.ToString());
        activity?.SetTag(Command, command.GetType().Name);
        return activity;
    }

    /// <summary>Tags the current command's activity with the loaded case's registration number.</summary>
    internal static void Loaded(RegisteredCase? state)
    {
        if (Activity.Current is { } current && current.Source == Source)
        {
            Record(current, state);
        }
    }

    private static void Record(Activity? activity, RegisteredCase? state)
    {
        if (activity is not null && state is not null)
        {
            activity.SetTag(RegistrationNumber, state.File.Number.Value);
        }
    }

    internal static CommandResult Ended(Activity? activity, CommandResult result)
    {
        if (activity is null)
        {
            return result;
        }

        switch (result)
        {
            case Accepted accepted:
                activity.SetTag(Outcome, "accepted");
                activity.SetTag(Version, accepted.Case.Version);
                Record(activity, accepted.Case.State);
                break;
            case Rejected rejected:
                activity.SetTag(Outcome, "rejected");
                activity.SetTag(Rule, rejected.Error.Rule);
                break;
            default:
                activity.SetTag(Outcome, "stale");
                break;
        }

        return result;
    }
}
