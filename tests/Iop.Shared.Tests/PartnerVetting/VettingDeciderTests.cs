using Iop.Cases;
using Iop.Common;
using Iop.Vetting;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.PartnerVetting;

public sealed class VettingDeciderTests
{
    private static readonly UploadedFile Pdf = new("file-1", "stadgar.pdf", "application/pdf", 2048, new string('a', 64), Now);

    private static CaseEvent[] InVetting(params CaseEvent[] more) => [.. UpTo(Stage.FirstMeeting), VettingStarted, .. more];

    private static InPartnerVetting StateAfter(params CaseEvent[] events) => Assert.IsType<InPartnerVetting>(CaseDecider.Replay(events));

    [Fact]
    public void Starting_vetting_requests_every_document_of_the_guideline_due_in_its_days()
    {
        var vetting = Assert.IsType<InPartnerVetting>(Given(UpTo(Stage.FirstMeeting)).When(new StartPartnerVetting(Token, LinkExpires, Coordinator)).ThenState()).Vetting;

        Assert.Equal(Policy.Documents.Select(d => d.Id), vetting.Requests.Select(r => r.DocumentId));
        Assert.All(vetting.Requests, r => Assert.Equal(Now.AddDays(21), r.DueAt));
        Assert.Equal(new PortalLink(Token, Now, LinkExpires), vetting.Link);
        Assert.Null(vetting.Declaration);
    }

    private static readonly UploadLimits Limits = new(FilesPerDocument: 3, FilesPerCase: 4, BytesPerCase: 10_000);

    private static UploadDocument Upload(string document, params UploadedFile[] files) => new(document, [.. files], Limits, Token, Initiator);

    private static UploadedFile File(int n, long size = 2048) => Pdf with { FileId = $"file-{n}", FileName = $"bilaga-{n}.pdf", Size = size };

    [Fact]
    public void An_upload_through_the_current_link_is_recorded_for_review() =>
        Given(InVetting()).When(Upload("statutes", Pdf)).Then(new DocumentFilesUploaded("statutes", [Pdf], Initiator, Now));

    [Fact]
    public void The_files_of_one_upload_are_one_event_and_one_notice_to_the_coordinator()
    {
        var effects = Given(InVetting()).When(Upload("statutes", File(1), File(2))).ThenEffects();

        Assert.Single(effects.OfType<NotifyCoordinator>());
        Assert.Equal([File(1), File(2)], StateAfter(InVetting(new DocumentFilesUploaded("statutes", [File(1), File(2)], Initiator, Now))).Vetting.Find("statutes")!.Files);
    }

    [Fact]
    public void Several_files_may_answer_one_document_and_uploads_recorded_one_file_at_a_time_still_read()
    {
        var second = Pdf with { FileId = "file-2", FileName = "stadgar-bilaga.pdf" };

        var request = StateAfter(InVetting(new DocumentUploaded("statutes", Pdf, Initiator, Now), new DocumentFilesUploaded("statutes", [second], Initiator, Now))).Vetting.Find("statutes")!;

        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal([Pdf, second], request.Files);
    }

    [Fact]
    public void An_upload_without_files_is_refused() =>
        Given(InVetting()).When(Upload("statutes")).ThenRejected(VettingRules.NoFiles);

    [Fact]
    public void A_document_holds_at_most_its_limit_of_files() =>
        Given(InVetting(new DocumentFilesUploaded("statutes", [File(1), File(2)], Initiator, Now)))
            .When(Upload("statutes", File(3), File(4)))
            .ThenRejected(VettingRules.TooManyFilesForDocument);

    [Fact]
    public void A_case_holds_at_most_its_limit_of_files() =>
        Given(InVetting(new DocumentFilesUploaded("statutes", [File(1), File(2)], Initiator, Now), new DocumentFilesUploaded("annual-report", [File(3), File(4)], Initiator, Now)))
            .When(Upload("audit-report", File(5)))
            .ThenRejected(VettingRules.TooManyFilesForCase);

    [Fact]
    public void A_case_holds_at_most_its_limit_of_bytes()
    {
        Given(InVetting(new DocumentFilesUploaded("statutes", [File(1, 6_000)], Initiator, Now))).When(Upload("annual-report", File(2, 4_001))).ThenRejected(VettingRules.CaseStorageFull);
        Given(InVetting(new DocumentFilesUploaded("statutes", [File(1, 6_000)], Initiator, Now))).When(Upload("annual-report", File(2, 4_000))).Then(new DocumentFilesUploaded("annual-report", [File(2, 4_000)], Initiator, Now));
    }

    [Fact]
    public void A_replaced_link_no_longer_works() =>
        Given(InVetting(new PortalLinkIssued(new PortalLink("token-2", Now, LinkExpires), Coordinator, Now)))
            .When(Upload("statutes", Pdf))
            .ThenRejected(VettingRules.LinkRevoked);

    [Fact]
    public void An_expired_link_no_longer_works() =>
        Given(InVetting(new PortalLinkIssued(new PortalLink(Token, Now.AddDays(-91), Now.AddSeconds(-1)), Coordinator, Now)))
            .When(Upload("statutes", Pdf))
            .ThenRejected(VettingRules.LinkExpired);

    [Fact]
    public void A_document_that_was_not_requested_is_refused() =>
        Given(InVetting()).When(Upload("tax-return", Pdf)).ThenRejected(VettingRules.NotRequested);

    [Fact]
    public void A_document_the_guideline_allows_to_be_missing_can_be_marked_as_not_existing() =>
        Given(InVetting())
            .When(new MarkDocumentNotExisting("audit-report", "  Föreningen är nystartad och har inte haft revision. ", Token, Initiator))
            .Then(new DocumentMarkedNotExisting("audit-report", "Föreningen är nystartad och har inte haft revision.", Initiator, Now));

    [Fact]
    public void The_statutes_cannot_be_marked_as_not_existing() =>
        Given(InVetting()).When(new MarkDocumentNotExisting("statutes", "Har inga.", Token, Initiator)).ThenRejected(VettingRules.MustExist);

    [Fact]
    public void Marking_a_document_as_not_existing_needs_an_explanation() =>
        Given(InVetting()).When(new MarkDocumentNotExisting("audit-report", " ", Token, Initiator)).ThenRejected(VettingRules.ExplanationRequired);

    [Fact]
    public void The_signed_declaration_keeps_the_exact_text_version_signer_and_time()
    {
        var signed = Assert.IsType<DeclarationSigned>(Assert.Single(Given(InVetting())
            .When(new SignDeclaration("Karin Ek", "Ordförande", "Föreningen Navet", true, Policy.Declaration!.Version, Token, Initiator))
            .Decision.Events));

        Assert.Equal(Policy.Declaration!.Version, signed.Declaration.TextVersion);
        Assert.StartsWith("Undertecknad som representant för Föreningen Navet intygar", signed.Declaration.Text, StringComparison.Ordinal);
        Assert.Equal(Policy.Declaration.Text.Replace("{organisation}", "Föreningen Navet", StringComparison.Ordinal), signed.Declaration.Text);
        Assert.Equal(("Karin Ek", "Ordförande", Now), (signed.Declaration.SignerName, signed.Declaration.SignerRole, signed.Declaration.SignedAt));
    }

    [Theory]
    [InlineData("", "Ordförande", "Navet", true, VettingRules.SignerRequired)]
    [InlineData("Karin", "Ordförande", "Navet", false, VettingRules.ConfirmationRequired)]
    public void Signing_needs_the_signer_and_the_confirmation(string name, string role, string organisation, bool confirmed, string rule) =>
        Given(InVetting()).When(new SignDeclaration(name, role, organisation, confirmed, Policy.Declaration!.Version, Token, Initiator)).ThenRejected(rule);

    [Fact]
    public void A_declaration_whose_text_changed_since_the_page_was_shown_is_not_signed() =>
        Given(InVetting()).When(new SignDeclaration("Karin", "Ordförande", "Navet", true, "an-older-version", Token, Initiator)).ThenRejected(VettingRules.DeclarationChanged);

    [Fact]
    public void The_declaration_cannot_be_signed_twice()
    {
        var signed = new DeclarationSigned(new SignedDeclaration(Policy.Declaration!.Version, "text", "Karin", "Ordförande", "Navet", Now), Initiator, Now);

        Given(InVetting(signed)).When(new SignDeclaration("Karin", "Ordförande", "Navet", true, Policy.Declaration!.Version, Token, Initiator)).ThenRejected(VettingRules.AlreadySigned);
    }

    [Fact]
    public void Only_a_submitted_document_can_be_reviewed() =>
        Given(InVetting()).When(new ReviewDocument("statutes", true, null, null, Coordinator)).ThenRejected(VettingRules.NothingToReview);

    [Fact]
    public void Asking_for_completion_reopens_the_request_with_a_comment_and_a_new_due_date()
    {
        var request = Assert.IsType<InPartnerVetting>(Given(InVetting(new DocumentUploaded("statutes", Pdf, Initiator, Now)))
            .When(new ReviewDocument("statutes", false, "Sidan om årsmötet saknas.", Now.AddDays(10), Coordinator))
            .ThenState()).Vetting.Find("statutes")!;

        Assert.Equal(RequestStatus.NeedsCompletion, request.Status);
        Assert.Equal(Now.AddDays(10), request.DueAt);
        Assert.Equal("Sidan om årsmötet saknas.", request.ReviewComment);
    }

    [Fact]
    public void Asking_for_completion_needs_a_comment() =>
        Given(InVetting(new DocumentUploaded("statutes", Pdf, Initiator, Now))).When(new ReviewDocument("statutes", false, "", null, Coordinator)).ThenRejected(VettingRules.CommentRequired);

    [Fact]
    public void The_last_acceptance_completes_vetting_and_moves_the_case_to_scoping()
    {
        var answered = Policy.Documents.Select(d => (CaseEvent)new DocumentUploaded(d.Id, Pdf, Initiator, Now)).ToList();
        var accepted = Policy.Documents.Skip(1).Select(d => (CaseEvent)new DocumentAccepted(d.Id, Coordinator, Now));
        var signed = new DeclarationSigned(new SignedDeclaration(Policy.Declaration!.Version, "text", "Karin", "Ordförande", "Navet", Now), Initiator, Now);

        var state = Given(InVetting([.. answered, .. accepted, signed])).When(new ReviewDocument(Policy.Documents[0].Id, true, null, null, Coordinator)).ThenState();

        var scoping = Assert.IsType<InScoping>(state);
        Assert.True(scoping.File.Vetting!.IsComplete);
    }

    [Fact]
    public void Reviewing_every_document_at_once_completes_vetting_once()
    {
        var answered = Policy.Documents.Select(d => (CaseEvent)new DocumentUploaded(d.Id, Pdf, Initiator, Now)).ToList();
        var signed = new DeclarationSigned(new SignedDeclaration(Policy.Declaration!.Version, "text", "Karin", "Ordförande", "Navet", Now), Initiator, Now);
        var all = new ReviewDocuments(Policy.Documents.Select(d => new DocumentReview(d.Id, true, null, null)).ToValueList(), Coordinator);

        var decision = Given(InVetting([.. answered, signed])).When(all).Decision;

        Assert.Equal(Policy.Documents.Select(d => d.Id), decision.Events.OfType<DocumentAccepted>().Select(e => e.DocumentId));
        Assert.Single(decision.Events.OfType<PartnerVettingCompleted>());
        Assert.IsType<PartnerVettingCompleted>(decision.Events[^1]);
    }

    [Fact]
    public void A_batch_with_one_review_refused_is_refused_whole()
    {
        var answered = new CaseEvent[] { new DocumentUploaded("statutes", Pdf, Initiator, Now), new DocumentUploaded("annual-report", Pdf, Initiator, Now) };
        ReviewDocuments Batch(params DocumentReview[] reviews) => new([.. reviews], Coordinator);

        Given(InVetting(answered)).When(Batch(new("statutes", true, null, null), new("annual-report", false, " ", null))).ThenRejected(VettingRules.CommentRequired);
        Given(InVetting(answered)).When(Batch(new("statutes", true, null, null), new("budget", true, null, null))).ThenRejected(VettingRules.NotRequested);
        Given(InVetting(answered)).When(Batch(new("statutes", true, null, null), new("statutes", true, null, null))).ThenRejected(VettingRules.NothingToReview);
        Given(InVetting(answered)).When(Batch()).ThenRejected(VettingRules.NothingToReview);
        Given(InVetting(answered))
            .When(Batch(new("statutes", true, null, null), new("annual-report", false, "Sidan 2 saknas.", Now.AddDays(10))))
            .Then(new DocumentAccepted("statutes", Coordinator, Now), new DocumentCompletionRequested("annual-report", "Sidan 2 saknas.", Now.AddDays(10), Coordinator, Now));
    }

    [Fact]
    public void A_moved_due_date_must_lie_ahead() =>
        Given(InVetting()).When(new ChangeDueDate("statutes", Now.AddDays(-1), Coordinator)).ThenRejected(VettingRules.DueDateInPast);

    [Fact]
    public void A_due_date_lies_at_most_a_year_ahead()
    {
        Given(InVetting()).When(new ChangeDueDate("statutes", Now.AddDays(366), Coordinator)).ThenRejected(VettingRules.DueDateTooFar);
        Given(InVetting()).When(new ChangeDueDate("statutes", new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero), Coordinator)).ThenRejected(VettingRules.DueDateTooFar);
        Given(InVetting(new DocumentFilesUploaded("statutes", [Pdf], Initiator, Now)))
            .When(new ReviewDocument("statutes", false, "Saknar sidan 2.", Now.AddYears(2), Coordinator))
            .ThenRejected(VettingRules.DueDateTooFar);
        Given(InVetting()).When(new ChangeDueDate("statutes", Now.AddDays(365), Coordinator)).Then(new DocumentDueDateChanged("statutes", Now.AddDays(365), Coordinator, Now));
    }
}
