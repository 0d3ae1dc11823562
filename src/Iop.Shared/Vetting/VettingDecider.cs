using Iop.Cases;
using Iop.Common;

namespace Iop.Vetting;

/// <summary>The rules of partner vetting: what the organisation may do through its link, how the coordinator reviews, and when reminders fall due.</summary>
public static class VettingDecider
{
    private const int MaxShortText = 200;

    /// <summary>How far ahead a due date may lie.</summary>
    public const int MaxDueDays = 365;

    /// <summary>Starts vetting: every document of the guideline requested, due after the guideline's days, and a portal link.</summary>
    public static Decision Start(StartPartnerVetting c, DecisionContext context)
    {
        var due = context.Policy.Reminders.DueAfter(context.Now);
        return c.LinkExpiresAt <= context.Now
            ? Decision.Reject(VettingRules.LinkExpired, "A portal link must expire after it is issued.")
            : Decision.Accept(new PartnerVettingStarted(Vetting.RequestsFor(context.Policy, due), context.Policy.Declaration is null ? null : due, new PortalLink(c.TokenId, context.Now, c.LinkExpiresAt), c.By, context.Now));
    }

    /// <summary>Decides a vetting command for a case in vetting.</summary>
    public static Decision Decide(InPartnerVetting state, CaseCommand command, DecisionContext context)
    {
        var v = state.Vetting;
        var now = context.Now;
        return command switch
        {
            IssuePortalLink c => c.ExpiresAt <= now
                ? Decision.Reject(VettingRules.LinkExpired, "A portal link must expire after it is issued.")
                : Decision.Accept(new PortalLinkIssued(new PortalLink(c.TokenId, now, c.ExpiresAt), c.By, now)),
            UploadDocument c => CheckLink(v, c.TokenId, now) ?? CheckOpen(v, c.DocumentId) ?? CheckRoom(v, c) ?? Decision.Accept(new DocumentFilesUploaded(c.DocumentId, c.Files, c.By, now)),
            MarkDocumentNotExisting c => CheckLink(v, c.TokenId, now) ?? CheckOpen(v, c.DocumentId) ?? MarkNotExisting(c, context),
            SignDeclaration c => CheckLink(v, c.TokenId, now) ?? Sign(state, c, context),
            ReviewDocument c => Review(v, c, context),
            ReviewDocuments c => ReviewAll(v, c, context),
            ChangeDueDate c => CheckOpen(v, c.DocumentId) ?? CheckDueDate(c.DueAt, now) ?? Decision.Accept(new DocumentDueDateChanged(c.DocumentId, c.DueAt, c.By, now)),
            CheckDeadlines c => TakeDueSteps(v, c, context),
            _ => Decision.Reject(CaseRules.WrongStage, $"{command.GetType().Name} is not allowed during partner vetting."),
        };
    }

    /// <summary>Applies a vetting event.</summary>
    public static Vetting Evolve(Vetting v, CaseEvent e) => e switch
    {
        PortalLinkIssued x => v with { Link = x.Link },
        DocumentUploaded x => v.With(v.Find(x.DocumentId)! with { Status = RequestStatus.Submitted, Files = v.Find(x.DocumentId)!.Files.Append(x.File).ToValueList(), NotExisting = null }),
        DocumentFilesUploaded x => v.With(v.Find(x.DocumentId)! with { Status = RequestStatus.Submitted, Files = v.Find(x.DocumentId)!.Files.Concat(x.Files).ToValueList(), NotExisting = null }),
        DocumentMarkedNotExisting x => v.With(v.Find(x.DocumentId)! with { Status = RequestStatus.Submitted, NotExisting = x.Explanation }),
        DeclarationSigned x => v with { Declaration = x.Declaration },
        DocumentAccepted x => v.With(v.Find(x.DocumentId)! with { Status = RequestStatus.Accepted }),
        DocumentCompletionRequested x => v.With(v.Find(x.DocumentId)! with { Status = RequestStatus.NeedsCompletion, DueAt = x.DueAt, ReviewComment = x.Comment }),
        DocumentDueDateChanged x => v.With(v.Find(x.DocumentId)! with { DueAt = x.DueAt }),
        ReminderSent x => v with { StepsTaken = v.StepsTaken.Concat(x.Steps).ToValueList() },
        OverdueEscalated x => v with { StepsTaken = v.StepsTaken.Concat(x.Steps).ToValueList() },
        _ => throw new InvalidOperationException($"The event {e.GetType().Name} does not belong to partner vetting."),
    };

    private static Decision? CheckLink(Vetting v, string tokenId, DateTimeOffset now) =>
        tokenId != v.Link.TokenId ? Decision.Reject(VettingRules.LinkRevoked, "This portal link has been replaced by a newer one.")
        : now >= v.Link.ExpiresAt ? Decision.Reject(VettingRules.LinkExpired, "This portal link has expired.")
        : null;

    private static Decision? CheckOpen(Vetting v, string documentId) => v.Find(documentId) switch
    {
        null => Decision.Reject(VettingRules.NotRequested, $"The document '{documentId}' was not requested."),
        { Status: RequestStatus.Accepted } => Decision.Reject(VettingRules.AlreadyAccepted, $"The document '{documentId}' is already accepted."),
        _ => null,
    };

    /// <summary>Whether the upload fits what one document and one case may hold.</summary>
    private static Decision? CheckRoom(Vetting v, UploadDocument c)
    {
        var files = v.Requests.SelectMany(r => r.Files).ToList();
        var document = v.Find(c.DocumentId)!.Files.Count;
        return c.Files.Count == 0 ? Decision.Reject(VettingRules.NoFiles, "An upload needs at least one file.")
            : document + c.Files.Count > c.Limits.FilesPerDocument
                ? Decision.Reject(VettingRules.TooManyFilesForDocument, $"A document may hold at most {c.Limits.FilesPerDocument} files; this one has {document}.")
            : files.Count + c.Files.Count > c.Limits.FilesPerCase
                ? Decision.Reject(VettingRules.TooManyFilesForCase, $"A case may hold at most {c.Limits.FilesPerCase} files; this one has {files.Count}.")
            : files.Sum(f => f.Size) + c.Files.Sum(f => f.Size) > c.Limits.BytesPerCase
                ? Decision.Reject(VettingRules.CaseStorageFull, $"A case's files may take at most {c.Limits.BytesPerCase} bytes together.")
            : null;
    }

    private static Decision MarkNotExisting(MarkDocumentNotExisting c, DecisionContext context)
    {
        var requirement = context.Policy.Documents.First(d => d.Id == c.DocumentId);
        var explanation = c.Explanation?.Trim() ?? "";
        return !requirement.MayNotExist ? Decision.Reject(VettingRules.MustExist, $"The guideline requires the document '{c.DocumentId}'.")
            : explanation.Length == 0 ? Decision.Reject(VettingRules.ExplanationRequired, "Say why the document does not exist.")
            : explanation.Length > CaseRules.MaxTextLength ? Decision.Reject(CaseRules.NoteTooLong, $"An explanation may be at most {CaseRules.MaxTextLength} characters.")
            : Decision.Accept(new DocumentMarkedNotExisting(c.DocumentId, explanation, c.By, context.Now));
    }

    private static Decision Sign(InPartnerVetting state, SignDeclaration c, DecisionContext context)
    {
        string[] signer = [SingleLine.Normalise(c.SignerName), SingleLine.Normalise(c.SignerRole), SingleLine.Normalise(c.OrganisationName)];
        if (context.Policy.Declaration is not { } declaration || state.Vetting.DeclarationDueAt is null)
        {
            return Decision.Reject(VettingRules.NoDeclaration, "The guideline asks for no values declaration.");
        }

        if (state.Vetting.Declaration is not null)
        {
            return Decision.Reject(VettingRules.AlreadySigned, "The values declaration is already signed.");
        }

        if (signer.Any(s => s.Length == 0 || s.Length > MaxShortText))
        {
            return Decision.Reject(VettingRules.SignerRequired, "Signing needs the signer's name, role and organisation.");
        }

        if (!signer.All(PlainText.IsName))
        {
            return Decision.Reject(VettingRules.SignerInvalid, "A name, role or organisation holds control or direction characters.");
        }

        if (!c.Confirmed)
        {
            return Decision.Reject(VettingRules.ConfirmationRequired, "Signing needs the confirmation.");
        }

        if (c.TextVersion != declaration.Version)
        {
            return Decision.Reject(VettingRules.DeclarationChanged, "The declaration's text has changed since the page was shown.");
        }

        var text = declaration.Text.Replace("{organisation}", signer[2], StringComparison.Ordinal);
        var signed = new DeclarationSigned(new SignedDeclaration(declaration.Version, text, signer[0], signer[1], signer[2], context.Now), c.By, context.Now);
        return CompleteIfDone(state.Vetting, signed, context);
    }

    private static Decision Review(Vetting v, ReviewDocument c, DecisionContext context)
    {
        if (v.Find(c.DocumentId) is not { } request)
        {
            return Decision.Reject(VettingRules.NotRequested, $"The document '{c.DocumentId}' was not requested.");
        }

        if (request.Status != RequestStatus.Submitted)
        {
            return Decision.Reject(VettingRules.NothingToReview, $"The document '{c.DocumentId}' has nothing new to review.");
        }

        if (c.Accept)
        {
            return CompleteIfDone(v, new DocumentAccepted(c.DocumentId, c.By, context.Now), context);
        }

        var comment = c.Comment?.Trim() ?? "";
        var due = c.NewDueAt ?? context.Policy.Reminders.DueAfter(context.Now);
        return comment.Length == 0 ? Decision.Reject(VettingRules.CommentRequired, "Say what needs completing.")
            : comment.Length > CaseRules.MaxTextLength ? Decision.Reject(CaseRules.NoteTooLong, $"A comment may be at most {CaseRules.MaxTextLength} characters.")
            : CheckDueDate(due, context.Now) ?? Decision.Accept(new DocumentCompletionRequested(c.DocumentId, comment, due, c.By, context.Now));
    }

    /// <summary>
    /// Each review decided as if given alone, on the vetting as the reviews before it left it; the first refusal refuses
    /// them all, so a batch is taken whole or not at all. Vetting completes at most once, with the last acceptance.
    /// </summary>
    private static Decision ReviewAll(Vetting v, ReviewDocuments c, DecisionContext context)
    {
        if (c.Reviews.Count == 0)
        {
            return Decision.Reject(VettingRules.NothingToReview, "Choose a decision for at least one document.");
        }

        if (c.Reviews.Select(r => r.DocumentId).Distinct(StringComparer.Ordinal).Count() != c.Reviews.Count)
        {
            return Decision.Reject(VettingRules.NothingToReview, "Each document may be reviewed once in a batch.");
        }

        var events = new List<CaseEvent>();
        foreach (var review in c.Reviews)
        {
            var decision = Review(v, new ReviewDocument(review.DocumentId, review.Accept, review.Comment, review.NewDueAt, c.By), context);
            if (decision.IsRejected)
            {
                return decision;
            }

            events.AddRange(decision.Events);
            v = decision.Events.Where(e => e is not PartnerVettingCompleted).Aggregate(v, Evolve);
        }

        return Decision.Accept([.. events]);
    }

    /// <summary>A due date lies ahead, and at most a year ahead: a request to an organisation is not left open for longer.</summary>
    private static Decision? CheckDueDate(DateTimeOffset due, DateTimeOffset now) =>
        due <= now ? Decision.Reject(VettingRules.DueDateInPast, "The new due date has passed.")
        : due > now.AddDays(MaxDueDays) ? Decision.Reject(VettingRules.DueDateTooFar, $"A due date may lie at most {MaxDueDays} days ahead.")
        : null;

    /// <summary>The last accepted document or the signature completes vetting in the same decision.</summary>
    private static Decision CompleteIfDone(Vetting v, CaseEvent e, DecisionContext context) =>
        Evolve(v, e).IsComplete ? Decision.Accept(e, new PartnerVettingCompleted(e.By, context.Now)) : Decision.Accept(e);

    private static Decision TakeDueSteps(Vetting v, CheckDeadlines c, DecisionContext context)
    {
        var due = ReminderSchedule.Due(v, context.Policy.Reminders, context.Now);
        var reminders = due.Where(s => !s.IsEscalation).ToList();
        var escalations = due.Where(s => s.IsEscalation).ToList();
        var events = new List<CaseEvent>();
        if (reminders.Count > 0)
        {
            events.Add(new ReminderSent(v.Outstanding().Select(o => o.Item).ToValueList(), reminders.Select(s => s.Key).ToValueList(), c.By, context.Now));
        }

        if (escalations.Count > 0)
        {
            events.Add(new OverdueEscalated(escalations.Select(s => s.Item).Distinct().ToValueList(), escalations.Select(s => s.Key).ToValueList(), c.By, context.Now));
        }

        return events.Count == 0 ? Decision.Reject(VettingRules.NothingDue, "No reminder or escalation is due.") : Decision.Accept(events);
    }
}
