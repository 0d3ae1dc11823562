using System.Globalization;
using System.Text;
using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Localization;
using Iop.Messaging;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Digest;

/// <summary>
/// The coordinator's weekly digest (veckosammanställning), in Swedish: every open case in work order (overdue first),
/// its stage and what it waits on from whom. Sent through <see cref="ICoordinatorNotifier"/> once per ISO week: the
/// idempotency key is the week, so a timer that fires twice sends one digest.
/// </summary>
internal sealed class CoordinatorDigest(ICaseStore cases, ICoordinatorNotifier notifier, IOptions<IopOptions> options, TimeProvider time)
{
    /// <summary>Sends the digest for the current week; returns how many open cases it lists (none: nothing is sent).</summary>
    public async Task<int> SendAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = CaseSummary.InWorkOrder((await cases.ListAsync(null, cancellationToken).ConfigureAwait(false)).Where(c => CaseListQuery.IsOpen(c.Stage)), now);
        if (open.Count == 0)
        {
            return 0;
        }

        var lines = new List<string>(open.Count);
        foreach (var summary in open)
        {
            var stored = await cases.LoadAsync(summary.Id, cancellationToken).ConfigureAwait(false);
            var waiting = stored is null ? "–" : WaitingPhrase.Describe(stored.State);
            lines.Add(Line(summary, waiting, now));
        }

        var notification = new CoordinatorNotification(
            $"Veckosammanställning vecka {Week(now)}: {open.Count} öppna IOP-ärenden",
            Text(open, lines, now),
            "",
            new Uri(options.Value.PublicBaseUrl!, "/arenden"));
        await notifier.NotifyAsync(notification, KeyFor(now), cancellationToken).ConfigureAwait(false);
        return open.Count;
    }

    /// <summary>The ISO week of <paramref name="now"/> in Sweden.</summary>
    public static int Week(DateTimeOffset now) => ISOWeek.GetWeekOfYear(SwedishTime.ToLocal(now).DateTime);

    /// <summary>The idempotency key of the week's digest: one digest per ISO week, however often it is asked for.</summary>
    public static string KeyFor(DateTimeOffset now) =>
        $"digest/{ISOWeek.GetYear(SwedishTime.ToLocal(now).DateTime)}-W{Week(now):00}";

    private static string Text(IReadOnlyList<CaseSummary> open, List<string> lines, DateTimeOffset now)
    {
        var overdue = open.Count(c => c.IsOverdue(now));
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{open.Count} ärenden är öppna");
        text.Append(overdue > 0 ? $", varav {overdue} försenade." : ".");
        foreach (var line in lines)
        {
            text.Append('\n').Append("– ").Append(line);
        }

        return text.ToString();
    }

    private static string Line(CaseSummary summary, string waiting, DateTimeOffset now)
    {
        var stage = InSwedish(() => Texts.StageName(summary.Stage));
        var due = summary.DueAt is { } at
            ? summary.IsOverdue(now) ? $" Försenat sedan {SwedishTime.FormatDateLong(at)}." : $" Senast {SwedishTime.FormatDateLong(at)}."
            : "";
        return $"{summary.Number} {summary.OrganisationName} ({stage}). Väntar på {waiting}.{due}";
    }

    /// <summary>The digest is Swedish whatever culture the process runs in.</summary>
    private static string InSwedish(Func<string> text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Language.Swedish;
        try
        {
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
