using System.Globalization;
using System.Text;
using Iop.Cases;
using Iop.Functions.Hosting;
using Iop.Functions.Localization;
using Iop.Messaging;
using Iop.Policies;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Digest;

/// <summary>
/// The coordinator's weekly digest (veckosammanställning), in Swedish: every open case in work order (overdue first),
/// its stage and what it waits on from whom; then the running partnerships that need the coordinator (a follow-up
/// dialogue due, a decision on the term's end, a yearly report past due). Sent through <see cref="ICoordinatorNotifier"/>
/// once per ISO week: the idempotency key is the week, so a timer that fires twice sends one digest.
/// </summary>
internal sealed class CoordinatorDigest(ICaseStore cases, PolicyCatalog policies, ICoordinatorNotifier notifier, IOptions<IopOptions> options, TimeProvider time)
{
    /// <summary>Sends the digest for the current week; returns what it lists (nothing: nothing is sent).</summary>
    public async Task<DigestContents> SendAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var all = await cases.ListAsync(null, cancellationToken).ConfigureAwait(false);
        var open = CaseSummary.InWorkOrder(all.Where(c => CaseListQuery.IsOpen(c.Stage)), now);
        var lines = new List<string>(open.Count);
        foreach (var summary in open)
        {
            var stored = await cases.LoadAsync(summary.Id, cancellationToken).ConfigureAwait(false);
            var waiting = stored is null ? "–" : WaitingPhrase.Describe(stored.State);
            lines.Add(Line(summary, waiting, now));
        }

        var partnerships = await PartnershipLinesAsync(all, now, cancellationToken).ConfigureAwait(false);
        var contents = new DigestContents(open.Count, partnerships.Count);
        if (contents.IsEmpty)
        {
            return contents;
        }

        var title = $"Veckosammanställning vecka {Week(now)}: {open.Count} öppna IOP-ärenden"
            + (partnerships.Count > 0 ? $", {partnerships.Count} partnerskap att följa upp" : "");
        var notification = new CoordinatorNotification(title, Text(open, lines, partnerships, now), "", new Uri(options.Value.PublicBaseUrl!, "/arenden"));
        await notifier.NotifyAsync(notification, KeyFor(now), cancellationToken).ConfigureAwait(false);
        return contents;
    }

    /// <summary>One line per running partnership that needs the coordinator, in registration order.</summary>
    private async Task<List<string>> PartnershipLinesAsync(IReadOnlyList<CaseSummary> all, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        foreach (var summary in all.Where(c => c.Stage == Stage.Active).OrderBy(c => c.Number.Year).ThenBy(c => c.Number.Sequence))
        {
            if (await cases.LoadAsync(summary.Id, cancellationToken).ConfigureAwait(false) is { State: ActivePartnership active }
                && PartnershipAttention.Describe(active, policies.For(active), now) is { Count: > 0 } phrases)
            {
                lines.Add($"{summary.Number} {summary.OrganisationName}: {string.Join("; ", phrases)}.");
            }
        }

        return lines;
    }

    /// <summary>The ISO week of <paramref name="now"/> in Sweden.</summary>
    public static int Week(DateTimeOffset now) => ISOWeek.GetWeekOfYear(SwedishTime.ToLocal(now).DateTime);

    /// <summary>The idempotency key of the week's digest: one digest per ISO week, however often it is asked for.</summary>
    public static string KeyFor(DateTimeOffset now) =>
        $"digest/{ISOWeek.GetYear(SwedishTime.ToLocal(now).DateTime)}-W{Week(now):00}";

    private static string Text(IReadOnlyList<CaseSummary> open, List<string> lines, List<string> partnerships, DateTimeOffset now)
    {
        var overdue = open.Count(c => c.IsOverdue(now));
        var text = new StringBuilder();
        if (open.Count == 0)
        {
            text.Append("Inga ärenden är öppna.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{open.Count} ärenden är öppna");
            text.Append(overdue > 0 ? $", varav {overdue} försenade." : ".");
        }

        foreach (var line in lines)
        {
            text.Append('\n').Append("– ").Append(line);
        }

        if (partnerships.Count > 0)
        {
            text.Append("\n\n").Append(CultureInfo.InvariantCulture, $"{partnerships.Count} löpande partnerskap behöver dig:");
            foreach (var line in partnerships)
            {
                text.Append('\n').Append("– ").Append(line);
            }
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
