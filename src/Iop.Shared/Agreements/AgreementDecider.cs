using Iop.Cases;
using Iop.Common;
using Iop.Policies;

namespace Iop.Agreements;

/// <summary>
/// The agreement's rules: the coordinator sets its terms (parties' signatories, target group, co-financing per party and
/// year, term), the drafter writes the guideline's sections from the case, the coordinator edits any section; once the
/// committees approved, each party's signature is recorded and the last one makes the partnership active.
/// </summary>
public static class AgreementDecider
{
    private const int MaxShortText = 200;

    /// <summary>An invoice address: a few lines (addressee, reference, street, postcode and town).</summary>
    private const int MaxAddress = 500;
    private const int LongestTermYears = 10;

    /// <summary>Decides an agreement command.</summary>
    public static Decision Decide(RegisteredCase state, CaseCommand command, DecisionContext context) => (state, command) switch
    {
        (InAgreementDrafting s, SetAgreementTerms c) => CheckTerms(c.Terms) ?? Decision.Accept(new AgreementTermsSet(Draft(context.Policy, s.File, Clean(c.Terms), s.File.Agreement), c.By, context.Now)),
        (InAgreementDrafting s, EditAgreementSection c) => Edit(s.File.Agreement, c, context),
        (AwaitingCommitteeDecision { Approved: true } s, RecordSignature c) => Sign(s.File, c, context),
        (AwaitingCommitteeDecision, RecordSignature) => Decision.Reject(CaseRules.NotApproved, "The committees have not approved the agreement."),
        _ => Decision.Reject(CaseRules.WrongStage, $"{command.GetType().Name} is not allowed while the case is at the stage {state.Stage}."),
    };

    /// <summary>Applies an agreement event to the case's file.</summary>
    public static CaseFile Evolve(CaseFile file, CaseEvent e) => e switch
    {
        AgreementTermsSet x => file with { Agreement = x.Draft },
        AgreementSectionEdited x => file with
        {
            Agreement = file.Agreement! with
            {
                Sections = file.Agreement.Sections.Select(s => s.Id == x.SectionId ? new AgreementSectionText(s.Id, x.Text, Edited: true) : s).ToValueList(),
            },
        },
        AgreementSignedByParty x => file with { Signatures = file.Signatures.Append(x.Signature).ToValueList() },
        _ => file,
    };

    /// <summary>
    /// Every section of the guideline, in order: the ones the case has data for written from it, the others with the
    /// guideline's question to answer; sections the coordinator edited are kept as written.
    /// </summary>
    public static AgreementDraft Draft(PolicyProfile policy, CaseFile file, AgreementTerms terms, AgreementDraft? before)
    {
        var initiative = file.Initiative;
        var municipality = policy.Municipality;
        string? Written(string id) => id switch
        {
            "background" => initiative.Challenge,
            "purpose" => initiative.Idea,
            "parties" => $"{municipality} och {initiative.OrganisationName} (organisationsnummer {initiative.OrganisationNumber}) ingår denna överenskommelse om idéburet offentligt partnerskap.",
            "target-group" => terms.TargetGroup,
            "values" when file.Vetting?.Declaration is { } d =>
                $"{initiative.OrganisationName} har undertecknat kommunens värdegrund ({d.SignedAt.UtcDateTime:yyyy-MM-dd}). Organisationen är en fri och självständig aktör och får fritt granska och kritisera kommunen.",
            // The co-financing is stated once, as the table that follows this section in the document (and on the case page).
            "finances" => $"Parterna bidrar till verksamheten under avtalstiden enligt tabellen över medfinansiering. "
                + $"{Contribution(terms, Party.Municipality, municipality)} och {Contribution(terms, Party.Organisation, initiative.OrganisationName)}."
                + (terms.InvoiceAddress is { } invoices ? $"\n\nFakturor skickas till:\n{invoices}" : ""),
            "organisation" => $"Kontaktperson för {initiative.OrganisationName}: {initiative.Contact.Name} ({initiative.Contact.Email}). "
                + (file.Organisations.Count > 0 ? "Berörda förvaltningar och bolag: " + string.Join(", ", file.Organisations.Select(o => $"{o.Name} ({o.Contact.Name})")) + "." : ""),
            "term" => $"Överenskommelsen gäller från och med {terms.Term.Start:yyyy-MM-dd} till och med {terms.Term.End:yyyy-MM-dd}.",
            _ => null,
        };

        var sections = policy.AgreementSections.Select(section =>
            before?.Find(section.Id) is { Edited: true } kept
                ? kept
                : new AgreementSectionText(section.Id, Written(section.Id) ?? AgreementSectionText.GuidancePrefix + section.Guidance.Sv, Edited: false));
        return new AgreementDraft(terms, sections.ToValueList());
    }

    /// <summary>
    /// What one party brings, in words: its money over the term and its other contributions as such ("bidrar med sammanlagt
    /// 553 200 kr", "bidrar med insatser i annan form: ideell tid"), never a sum of 0 kr.
    /// </summary>
    public static string Contribution(AgreementTerms terms, Party party, string name)
    {
        var money = Total(terms, party);
        var other = terms.CoFinancing.Where(f => f.Party == party && !Blank(f.InKind)).Select(f => f.InKind!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var inKind = other.Count == 0 ? null : "insatser i annan form: " + string.Join("; ", other);
        return (money > 0, inKind) switch
        {
            (true, null) => $"{name} bidrar med sammanlagt {Kronor.Format(money)}",
            (true, { } k) => $"{name} bidrar med sammanlagt {Kronor.Format(money)} samt {k}",
            (false, { } k) => $"{name} bidrar med {k}",
            _ => $"{name} har ingen medfinansiering angiven",
        };
    }

    /// <summary>One party's money over the whole term.</summary>
    public static decimal Total(AgreementTerms terms, Party party) => terms.CoFinancing.Where(f => f.Party == party).Sum(f => f.AmountSek);

    /// <summary>Refuses to send the agreement to the committees while a section holds only the guideline's question.</summary>
    public static Decision? CheckWritten(AgreementDraft draft, PolicyProfile policy)
    {
        var unwritten = draft.Sections.Where(s => s.AwaitsText).Select(s => s.Id).ToList();
        return unwritten.Count == 0
            ? null
            : Decision.Reject(
                AgreementRules.SectionsUnwritten,
                "These sections still hold only the guideline's question: " + string.Join(", ", unwritten.Select(id => $"{id} ({policy.AgreementSections.First(a => a.Id == id).Title.En})")) + ".");
    }

    private static Decision? CheckTerms(AgreementTerms t)
    {
        if (string.IsNullOrWhiteSpace(t.TargetGroup) || t.TargetGroup.Trim().Length > CaseRules.MaxTextLength)
        {
            return Decision.Reject(AgreementRules.TargetGroupRequired, "Describe the target group.");
        }

        if (Blank(t.MunicipalitySignatory) || Blank(t.OrganisationSignatory))
        {
            return Decision.Reject(AgreementRules.SignatoryRequired, "Name who signs for each party, by role.");
        }

        if (t.Term.End <= t.Term.Start)
        {
            return Decision.Reject(CaseRules.InvalidTerm, "The agreement term ends before it starts.");
        }

        if (t.Term.End > t.Term.Start.AddYears(LongestTermYears))
        {
            return Decision.Reject(AgreementRules.TermTooLong, $"The term may be at most {LongestTermYears} years.");
        }

        if (t.CoFinancing.Any(f => !Enum.IsDefined(f.Party) || f.AmountSek < 0 || f.AmountSek > 1_000_000_000m || f.Year < t.Term.Start.Year || f.Year > t.Term.End.Year
            || (f.AmountSek == 0 && Blank(f.InKind)) || f.InKind?.Trim().Length > MaxShortText))
        {
            return Decision.Reject(AgreementRules.InvalidContribution, "Each contribution needs an amount or a description of what is given in kind, in a year of the term.");
        }

        if (t.InvoiceAddress?.Trim().Length > MaxAddress)
        {
            return Decision.Reject(AgreementRules.InvoiceAddressTooLong, $"An invoice address may be at most {MaxAddress} characters.");
        }

        return t.CoFinancing.Select(f => f.Party).Distinct().Count() < 2
            ? Decision.Reject(AgreementRules.BothPartiesFinance, "Both parties must contribute, with money or in kind.")
            : null;
    }

    private static AgreementTerms Clean(AgreementTerms t) => t with
    {
        TargetGroup = t.TargetGroup.Trim(),
        MunicipalitySignatory = SingleLine.Normalise(t.MunicipalitySignatory),
        OrganisationSignatory = SingleLine.Normalise(t.OrganisationSignatory),
        InvoiceAddress = Blank(t.InvoiceAddress) ? null : t.InvoiceAddress!.Trim().ReplaceLineEndings("\n"),
        CoFinancing = t.CoFinancing.Select(f => f with { InKind = Blank(f.InKind) ? null : f.InKind!.Trim() }).OrderBy(f => f.Year).ThenBy(f => f.Party).ToValueList(),
    };

    private static Decision Edit(AgreementDraft? draft, EditAgreementSection c, DecisionContext context)
    {
        if (draft is null)
        {
            return Decision.Reject(AgreementRules.TermsRequired, "Set the agreement's terms first.");
        }

        if (draft.Find(c.SectionId) is null)
        {
            return Decision.Reject(AgreementRules.UnknownSection, $"The guideline has no section '{c.SectionId}'.");
        }

        var text = c.Text?.Trim() ?? "";
        return text.Length == 0 ? Decision.Reject(AgreementRules.SectionTextRequired, "A section needs text.")
            : text.Length > CaseRules.MaxTextLength ? Decision.Reject(CaseRules.NoteTooLong, $"A section may be at most {CaseRules.MaxTextLength} characters.")
            : Decision.Accept(new AgreementSectionEdited(c.SectionId, text, c.By, context.Now));
    }

    private static Decision Sign(CaseFile file, RecordSignature c, DecisionContext context)
    {
        if (!Enum.IsDefined(c.Party) || Blank(c.SignerName) || Blank(c.SignerRole) || c.SignedOn == default
            || c.SignedOn > DateOnly.FromDateTime(context.Now.UtcDateTime).AddDays(1))
        {
            return Decision.Reject(AgreementRules.InvalidSignature, "A signature needs the signer's name and role and a date that has come.");
        }

        if (file.Signatures.Any(s => s.Party == c.Party))
        {
            return Decision.Reject(AgreementRules.AlreadySigned, "That party has already signed.");
        }

        var signed = new AgreementSignedByParty(new Signature(c.Party, SingleLine.Normalise(c.SignerName), SingleLine.Normalise(c.SignerRole), c.SignedOn, c.Party == Party.Organisation && c.PublishContact), c.By, context.Now);
        var all = file.Signatures.Select(s => s.Party).Append(c.Party).Distinct().Count() == Enum.GetValues<Party>().Length;
        return all
            ? Decision.Accept(signed, new AgreementSigned(file.Agreement!.Terms.Term, c.By, context.Now))
            : Decision.Accept(signed);
    }

    /// <summary>No usable short text: empty, too long, or holding characters a name must not hold.</summary>
    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxShortText || !PlainText.IsName(SingleLine.Normalise(text));
}
