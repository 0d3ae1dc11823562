using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Agreements;
using Iop.Functions.Localization;
using Iop.Functions.Security;

namespace Iop.Functions.Api;

/// <summary>The agreement: its terms, its sections, the signatures, and the draft as a Word document.</summary>
internal static partial class CaseApi
{
    private static void MapAgreementCommands(this RouteGroupBuilder cases)
    {
        cases.MapPut("/{id}/agreement/terms", Terms)
            .Command("SetAgreementTerms", "Sets the agreement's terms (target group, signatories, term, co-financing per party and year); the sections they concern are rewritten.");
        cases.MapPut("/{id}/agreement/sections/{sectionId}", Section)
            .Command("EditAgreementSection", "Writes one section of the agreement (the guideline's section id).");
        cases.MapPost("/{id}/agreement/signatures", Sign)
            .Command("RecordSignature", "Records a party's signature; with both parties' signatures the partnership is active.");
        cases.MapGet("/{id}/agreement/document", Document)
            .Query("GetAgreementDocument", "The agreement as it reads now, as a Word document (marked as a draft until the committees have it).")
            .Produces(StatusCodes.Status200OK, contentType: AgreementDocument.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<IResult> Terms(string id, AgreementTermsRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (request.TermStart is null || request.TermEnd is null)
        {
            errors.Add(("termStart", Language.T("Ange avtalstidens första och sista dag (termStart, termEnd) som ÅÅÅÅ-MM-DD.", "Give the term's first and last day (termStart, termEnd) as YYYY-MM-DD.")));
        }

        var financing = Financing(request.CoFinancing, "coFinancing", errors);
        if (errors.Count > 0)
        {
            return Task.FromResult(ApiProblems.Validation(errors));
        }

        var terms = new AgreementTerms(
            request.TargetGroup ?? "", request.MunicipalitySignatory ?? "", request.OrganisationSignatory ?? "", financing, new PartnershipTerm(request.TermStart!.Value, request.TermEnd!.Value), request.InvoiceAddress);
        return RunAsync(id, new SetAgreementTerms(terms, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);
    }

    private static Task<IResult> Section(string id, string sectionId, SectionRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new EditAgreementSection(sectionId, request.Text ?? "", context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> Sign(string id, SignatureRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (request.Party is not { } party || !Enum.IsDefined(party))
        {
            errors.Add(("party", Language.T("Ange party: Municipality eller Organisation.", "Give party: Municipality or Organisation.")));
        }

        if (request.SignedOn is null)
        {
            errors.Add(("signedOn", Language.T("Ange datumet för underskriften som ÅÅÅÅ-MM-DD.", "Give the date of the signature as YYYY-MM-DD.")));
        }

        return errors.Count > 0
            ? Task.FromResult(ApiProblems.Validation(errors))
            : RunAsync(id, new RecordSignature(request.Party!.Value, request.SignerName ?? "", request.SignerRole ?? "", request.SignedOn!.Value, context.User.ToActor(), request.PublishContact ?? false),
                request.ExpectedVersion, service, context, cancellationToken);
    }

    private static async Task<IResult> Document(string id, ICaseStore store, Policies.PolicyCatalog policies, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(id, out var caseId) || await store.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is not { State.File: { Agreement: not null } file })
        {
            return ApiProblems.NotFound();
        }

        return Results.File(DocumentDownloads.AgreementFile(file, policies.For(file)), AgreementDocument.ContentType, DocumentDownloads.AgreementFileName(file));
    }

    /// <summary>Co-financing rows of a request (agreement terms, a follow-up record); each unreadable row adds an error for its field.</summary>
    private static ValueList<CoFinancing> Financing(List<CoFinancingDto>? rows, string field, List<(string Field, string Message)> errors)
    {
        rows ??= [];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { Party: { } party, Year: not null } || !Enum.IsDefined(party))
            {
                errors.Add(($"{field}[{i}]", Language.T(
                    $"Rad {i + 1} i finansieringen: ange party (Municipality eller Organisation), year och amountSek.", $"Financing row {i + 1}: give party (Municipality or Organisation), year and amountSek.")));
            }
        }

        return errors.Count > 0 ? ValueList<CoFinancing>.Empty : rows.Select(r => new CoFinancing(r.Party!.Value, r.Year!.Value, r.AmountSek ?? 0, r.InKind)).ToValueList();
    }
}
