using System.Globalization;
using System.Text;
using Iop.Agreements;
using Iop.Cases;
using Iop.Functions.Hosting;
using Microsoft.Extensions.Options;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Register;

/// <summary>
/// One partnership in the public register (Stockholm: a public list of existing agreements and their contact persons):
/// only what the register promises, nothing else of the case.
/// </summary>
/// <param name="Organisation">The non-profit organisation.</param>
/// <param name="Challenge">The societal challenge in one line.</param>
/// <param name="Committees">The affected committees and companies.</param>
/// <param name="TermStart">The agreement's first day.</param>
/// <param name="TermEnd">The agreement's last day.</param>
/// <param name="Active">Whether the partnership runs (otherwise it has ended).</param>
/// <param name="EndedOn">The day it ended, for an ended partnership.</param>
/// <param name="CoFinancing">What each party contributes, per year.</param>
/// <param name="MunicipalityContact">The municipality's contact person.</param>
/// <param name="OrganisationContact">The organisation's contact person, only where the organisation agreed to it at signing.</param>
internal sealed record RegisterEntry(
    string Organisation,
    string Challenge,
    IReadOnlyList<string> Committees,
    DateOnly TermStart,
    DateOnly TermEnd,
    bool Active,
    DateOnly? EndedOn,
    IReadOnlyList<RegisterFinancing> CoFinancing,
    RegisterContact MunicipalityContact,
    RegisterContact? OrganisationContact);

/// <summary>A party's contribution in one year: money in kronor and contributions in another form.</summary>
internal sealed record RegisterFinancing(int Year, Party Party, decimal AmountSek, string? OtherContribution);

/// <summary>A contact person: name, work e-mail, and for the municipality the administration.</summary>
internal sealed record RegisterContact(string Name, string Email, string? Organisation);

/// <summary>
/// The public register of partnerships, read from the cases and kept for a minute: it is public and needs no sign-in,
/// so a burst of visitors costs one read of the partnerships, not one per visitor.
/// </summary>
internal sealed class PartnershipRegister(ICaseStore store, IOptions<IopOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>How long a read of the register is shown before the cases are read again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(1);

    /// <summary>The most a one-line challenge holds before it is cut with an ellipsis.</summary>
    public const int ChallengeLength = 200;

    private static readonly StringComparer Swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true);

    private readonly SemaphoreSlim _reading = new(1, 1);
    private (DateTimeOffset At, IReadOnlyList<RegisterEntry> Entries)? _read;

    public void Dispose() => _reading.Dispose();

    /// <summary>Every active and ended partnership, active first, then by organisation in Swedish order.</summary>
    public async Task<IReadOnlyList<RegisterEntry>> ListAsync(CancellationToken cancellationToken)
    {
        if (_read is { } fresh && time.GetUtcNow() - fresh.At < Freshness)
        {
            return fresh.Entries;
        }

        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_read is { } read && time.GetUtcNow() - read.At < Freshness)
            {
                return read.Entries;
            }

            var at = time.GetUtcNow();
            var summaries = await store.ListAsync(null, cancellationToken).ConfigureAwait(false);
            var states = await Task.WhenAll(summaries
                .Where(s => s.Stage is Stage.Active or Stage.Ended)
                .Select(s => store.LoadAsync(s.Id, cancellationToken))).ConfigureAwait(false);
            var entries = states.Select(s => s?.State).Select(s => s is null ? null : Of(s, options.Value))
                .OfType<RegisterEntry>()
                .OrderByDescending(e => e.Active)
                .ThenBy(e => e.Organisation, Swedish)
                .ToList();
            _read = (at, entries);
            return entries;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>The register's entry for a signed partnership; null for a case that is not one.</summary>
    public static RegisterEntry? Of(RegisteredCase state, IopOptions settings)
    {
        var (term, endedOn) = state switch
        {
            ActivePartnership a => (a.Term, (DateOnly?)null),
            EndedPartnership e => (e.Term, e.EndedOn ?? Common.SwedishClock.LocalDate(e.EndedAt)),
            _ => (null, null),
        };
        if (term is null)
        {
            return null;
        }

        var file = state.File;
        var financing = (file.Agreement?.Terms.CoFinancing ?? [])
            .GroupBy(c => (c.Year, c.Party))
            .OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Party)
            .Select(g => new RegisterFinancing(g.Key.Year, g.Key.Party, g.Sum(c => c.AmountSek), OtherContributions(g.Select(c => c.InKind))))
            .ToList();
        var designated = file.Organisations.Count > 0 ? file.Organisations[0] : null;
        var municipality = designated is null
            ? new RegisterContact(settings.CoordinatorName, settings.CoordinatorMailbox, settings.Municipality)
            : new RegisterContact(designated.Contact.Name, designated.Contact.Email, designated.Name);
        var consented = file.Signatures.Any(s => s.Party == Party.Organisation && s.PublishContact);
        var contact = file.Initiative.Contact;
        return new RegisterEntry(
            file.Initiative.OrganisationName,
            OneLine(file.Initiative.Challenge),
            file.Organisations.Select(o => o.Name).ToList(),
            term.Start,
            term.End,
            state is ActivePartnership,
            endedOn,
            financing,
            municipality,
            consented ? new RegisterContact(contact.Name, contact.Email, null) : null);
    }

    /// <summary>The register as CSV, one row per party and year (UTF-8 with BOM, semicolons, CRLF, as Excel in Swedish opens it).</summary>
    public static byte[] Csv(IReadOnlyList<RegisterEntry> entries)
    {
        var text = new StringBuilder();
        Export.Spreadsheets.Line(text,
        [
            T("Organisation", "Organisation"), T("Samhällsutmaning", "Societal challenge"), T("Nämnder och bolag", "Committees and companies"),
            T("Avtalstid från", "Term from"), T("Avtalstid till", "Term until"), T("Status", "Status"), T("Avslutat", "Ended"),
            T("År", "Year"), T("Part", "Party"), T("Belopp (kr)", "Amount (SEK)"), T("Insats i annan form", "Other contribution"),
            T("Kommunens kontaktperson", "Municipality's contact"), T("E-post", "E-mail"), T("Organisationens kontaktperson", "Organisation's contact"), T("E-post", "E-mail"),
        ]);
        foreach (var e in entries)
        {
            IReadOnlyList<RegisterFinancing?> rows = e.CoFinancing.Count == 0 ? [null] : [.. e.CoFinancing];
            foreach (var f in rows)
            {
                Export.Spreadsheets.Line(text,
                [
                    e.Organisation, e.Challenge, string.Join(", ", e.Committees), Date(e.TermStart), Date(e.TermEnd),
                    e.Active ? T("Pågår", "Active") : T("Avslutat", "Ended"), e.EndedOn is { } ended ? Date(ended) : "",
                    f is null ? "" : f.Year.ToString(CultureInfo.InvariantCulture), f is null ? "" : PartyName(f.Party),
                    f is null ? "" : f.AmountSek.ToString("0.##", CultureInfo.InvariantCulture), f?.OtherContribution ?? "",
                    e.MunicipalityContact.Name, e.MunicipalityContact.Email, e.OrganisationContact?.Name ?? "", e.OrganisationContact?.Email ?? "",
                ]);
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string PartyName(Party party) => party == Party.Municipality ? T("Kommunen", "The municipality") : T("Organisationen", "The organisation");

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? OtherContributions(IEnumerable<string?> inKind)
    {
        var parts = inKind.Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!.Trim()).ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>The first line of the challenge, cut at <see cref="ChallengeLength"/> characters.</summary>
    private static string OneLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= ChallengeLength ? line : line[..(ChallengeLength - 1)].TrimEnd() + "…";
    }
}
