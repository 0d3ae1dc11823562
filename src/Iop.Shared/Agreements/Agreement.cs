using System.Globalization;
using Iop.Cases;
using Iop.Common;

namespace Iop.Agreements;

/// <summary>A party to the agreement.</summary>
public enum Party
{
    /// <summary>The municipality.</summary>
    Municipality,

    /// <summary>The non-profit organisation.</summary>
    Organisation,
}

/// <summary>One party's contribution in one year: money, and/or resources in kind (volunteer time, premises).</summary>
/// <param name="Party">Who contributes.</param>
/// <param name="Year">The calendar year.</param>
/// <param name="AmountSek">Money in Swedish kronor (0 when the contribution is only in kind).</param>
/// <param name="InKind">What is given in kind, if anything (e.g. "ideell tid, 2 000 timmar").</param>
public sealed record CoFinancing(Party Party, int Year, decimal AmountSek, string? InKind);

/// <summary>What the coordinator fills in for the agreement; the drafter writes the sections that concern it.</summary>
/// <param name="TargetGroup">Whom the activity is for (målgrupp).</param>
/// <param name="MunicipalitySignatory">Who signs for the municipality, by role (e.g. "Kommunstyrelsens ordförande").</param>
/// <param name="OrganisationSignatory">Who signs for the organisation, by role (e.g. "Ordförande").</param>
/// <param name="CoFinancing">Both parties' contributions per year.</param>
/// <param name="Term">The agreement term (avtalstid).</param>
/// <param name="InvoiceAddress">Where invoices are sent (fakturaadress), a few lines; written into the finances section.</param>
public sealed record AgreementTerms(string TargetGroup, string MunicipalitySignatory, string OrganisationSignatory, ValueList<CoFinancing> CoFinancing, PartnershipTerm Term, string? InvoiceAddress = null);

/// <summary>One section of the agreement as it reads now.</summary>
/// <param name="Id">The guideline's section id.</param>
/// <param name="Text">The text (paragraphs separated by blank lines).</param>
/// <param name="Edited">Whether the coordinator wrote it (then new terms do not overwrite it).</param>
public sealed record AgreementSectionText(string Id, string Text, bool Edited)
{
    /// <summary>How a section the case has no data for begins: with the guideline's question, to answer together.</summary>
    public const string GuidancePrefix = "Att formulera tillsammans: ";

    /// <summary>Whether the section still holds only the guideline's question: nobody has written it yet.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool AwaitsText => !Edited && Text.StartsWith(GuidancePrefix, StringComparison.Ordinal);
}

/// <summary>The agreement draft: the terms and every section of the guideline, in order.</summary>
public sealed record AgreementDraft(AgreementTerms Terms, ValueList<AgreementSectionText> Sections)
{
    /// <summary>The section with this id, if the guideline has it.</summary>
    public AgreementSectionText? Find(string id) => Sections.FirstOrDefault(s => s.Id == id);
}

/// <summary>A party's signature on the agreement, as recorded by the coordinator.</summary>
/// <param name="Party">Which party signed.</param>
/// <param name="SignerName">Who signed.</param>
/// <param name="SignerRole">In which capacity (e.g. "Kommunstyrelsens ordförande").</param>
/// <param name="SignedOn">The date on the signature.</param>
/// <param name="PublishContact">
/// The organisation's consent, given at signing, that its contact person is shown in the public register of
/// partnerships (always false for the municipality, whose contact is public anyway).
/// </param>
public sealed record Signature(Party Party, string SignerName, string SignerRole, DateOnly SignedOn, bool PublishContact = false);

/// <summary>The coordinator sets (or changes) the agreement's terms; the sections that concern them are written anew unless edited by hand.</summary>
public sealed record SetAgreementTerms(AgreementTerms Terms, Actor By) : CaseCommand(By);

/// <summary>The coordinator rewrites one section.</summary>
public sealed record EditAgreementSection(string SectionId, string Text, Actor By) : CaseCommand(By);

/// <summary>The coordinator records one party's signature on the approved agreement.</summary>
public sealed record RecordSignature(Party Party, string SignerName, string SignerRole, DateOnly SignedOn, Actor By, bool PublishContact = false) : CaseCommand(By);

/// <summary>The agreement's terms were set and its sections written.</summary>
public sealed record AgreementTermsSet(AgreementDraft Draft, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A section was rewritten.</summary>
public sealed record AgreementSectionEdited(string SectionId, string Text, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>A party signed.</summary>
public sealed record AgreementSignedByParty(Signature Signature, Actor By, DateTimeOffset At) : CaseEvent(By, At);

/// <summary>The stable codes of the agreement's rules.</summary>
public static class AgreementRules
{
    /// <summary>The agreement needs its terms before it goes to the committees.</summary>
    public const string TermsRequired = "agreement.terms-required";

    /// <summary>An invoice address is a few lines at most.</summary>
    public const string InvoiceAddressTooLong = "agreement.invoice-address-too-long";

    /// <summary>A target group is required.</summary>
    public const string TargetGroupRequired = "agreement.target-group-required";

    /// <summary>Both signatories' roles are required.</summary>
    public const string SignatoryRequired = "agreement.signatory-required";

    /// <summary>Both parties must contribute (criterion 5: both parties finance the activity).</summary>
    public const string BothPartiesFinance = "agreement.both-parties-finance";

    /// <summary>A contribution is negative, empty, or outside the term's years.</summary>
    public const string InvalidContribution = "agreement.invalid-contribution";

    /// <summary>The term is too long (over ten years).</summary>
    public const string TermTooLong = "agreement.term-too-long";

    /// <summary>The guideline has no such section.</summary>
    public const string UnknownSection = "agreement.unknown-section";

    /// <summary>A section needs text.</summary>
    public const string SectionTextRequired = "agreement.section-text-required";

    /// <summary>That party has already signed.</summary>
    public const string AlreadySigned = "agreement.already-signed";

    /// <summary>A signature needs the signer's name and role and a date not in the future.</summary>
    public const string InvalidSignature = "agreement.invalid-signature";

    /// <summary>Some sections still hold only the guideline's question; the agreement cannot go to the committees so.</summary>
    public const string SectionsUnwritten = "agreement.sections-unwritten";
}

/// <summary>Formats amounts the Swedish way: "553 200 kr".</summary>
public static class Kronor
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>E.g. "553 200 kr".</summary>
    public static string Format(decimal amount) => amount.ToString("#,0", Swedish).Replace('\u00A0', ' ') + " kr";
}
