using System.Globalization;
using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Security;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>The coordinator's agreement actions: terms, sections, signatures.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>How many co-financing rows the form offers.</summary>
    public const int FinancingRows = 8;

    public Task<IActionResult> OnPostAgreementTermsAsync(
        string id, [FromForm] int version, [FromForm] string? targetGroup, [FromForm] string? municipalitySignatory, [FromForm] string? organisationSignatory,
        [FromForm] string? termStart, [FromForm] string? termEnd, [FromForm] string?[]? year, [FromForm] string?[]? party, [FromForm] string?[]? amount, [FromForm] string?[]? inKind,
        [FromForm] string? invoiceAddress, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(termStart?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(termEnd?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
        {
            return FailAsync(id, "agreement-term-start", T("Ange avtalstidens första och sista dag som ÅÅÅÅ-MM-DD.", "Enter the term's first and last day as YYYY-MM-DD."), cancellationToken);
        }

        var rows = new List<CoFinancing>();
        for (var i = 0; i < (year?.Length ?? 0); i++)
        {
            var y = year![i]?.Trim();
            var a = At(amount, i)?.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal);
            var k = At(inKind, i);
            if (string.IsNullOrEmpty(y) && string.IsNullOrEmpty(a) && string.IsNullOrWhiteSpace(k))
            {
                continue;
            }

            if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var yearValue)
                || !Enum.TryParse<Party>(At(party, i), out var who)
                || !decimal.TryParse(string.IsNullOrEmpty(a) ? "0" : a, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var sum))
            {
                return FailAsync(id, "agreement-financing", T($"Rad {i + 1} i finansieringen: ange år, part och belopp i kronor (siffror).", $"Financing row {i + 1}: enter year, party and amount in kronor (digits)."), cancellationToken);
            }

            rows.Add(new CoFinancing(who, yearValue, sum, k));
        }

        var terms = new AgreementTerms(targetGroup ?? "", municipalitySignatory ?? "", organisationSignatory ?? "", rows.ToValueList(), new PartnershipTerm(start, end), invoiceAddress);
        return RunAsync(id, new SetAgreementTerms(terms, User.ToActor()), version, T("Överenskommelsens villkor är sparade och avsnitten uppdaterade.", "The agreement's terms are saved and its sections updated."), "agreement", cancellationToken);
    }

    public Task<IActionResult> OnPostEditSectionAsync(string id, [FromForm] int version, [FromForm] string section, [FromForm] string? text, CancellationToken cancellationToken) =>
        RunAsync(id, new EditAgreementSection(section, text ?? "", User.ToActor()), version, T("Avsnittet är sparat.", "The section is saved."), "agreement", cancellationToken);

    public Task<IActionResult> OnPostSignAsync(
        string id, [FromForm] int version, [FromForm] Party party, [FromForm] string? name, [FromForm] string? role, [FromForm] string? signedOn, [FromForm] bool publishContact,
        CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(signedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return FailAsync(id, "agreement", T("Ange datumet för underskriften som ÅÅÅÅ-MM-DD.", "Enter the date of the signature as YYYY-MM-DD."), cancellationToken);
        }

        return RunAsync(id, new RecordSignature(party, name ?? "", role ?? "", date, User.ToActor(), publishContact), version, T("Underskriften är registrerad.", "The signature is recorded."), "agreement", cancellationToken);
    }

    private static string? At(string?[]? values, int i) => values is not null && i < values.Length ? values[i]?.Trim() : null;
}
