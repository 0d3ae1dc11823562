using Iop.Common;
using Iop.Meetings;
using Iop.Officials;
using Iop.Screening;
using Iop.Vetting;

namespace Iop.Cases;

/// <summary>
/// The case's rules: <see cref="Decide"/> turns a command into events or a broken rule, never an exception;
/// <see cref="Evolve"/> applies an event to a state. Both are pure.
/// </summary>
public static class CaseDecider
{
    /// <summary>Decides what a command means for a case in <paramref name="state"/>.</summary>
    public static Decision Decide(CaseState state, CaseCommand command, DecisionContext context)
    {
        var now = context.Now;
        return (state, command) switch
        {
            (NoCase, SubmitInitiative c) => Decision.Accept(new InitiativeSubmitted(c.Case, c.Number, context.Policy.Id, c.Initiative, c.By, now, context.Policy.Version)),
            (RegisteredCase, SubmitInitiative) => Decision.Reject(CaseRules.AlreadySubmitted, "An initiative has already been submitted for this case."),
            (NoCase, _) => Decision.Reject(CaseRules.NoSuchCase, "There is no case: no initiative has been submitted."),
            (RegisteredCase s, _) when s.File.PolicyId != context.Policy.Id || (s.File.PolicyVersion ?? context.Policy.Version) != context.Policy.Version =>
                Decision.Reject(CaseRules.PolicyMismatch, $"The case follows the guideline '{s.File.PolicyId}' version {s.File.PolicyVersion}, not '{context.Policy.Id}' version {context.Policy.Version}."),
            (RegisteredCase { IsClosed: true } s, _) => Decision.Reject(CaseRules.Closed, $"The case is {s.Stage.ToString().ToLowerInvariant()}; nothing more can be done in it."),

            (RegisteredCase s, ScheduleMeeting or RescheduleMeeting or CancelMeeting or RecordMeetingHeld or RecordPastMeeting or RecordCalendarEvent) => MeetingsDecider.Decide(s, command, context),
            (RegisteredCase s, RequestProcurementOpinion or AnswerRequest or DelegateRequest or ReassignRequest or ReviseAgreement) => OfficialsDecider.Decide(s, command, context),
            (RegisteredCase s, CheckDeadlines c) => TakeDueSteps(s, c, context),
            (RegisteredCase s, Checks.RecordCheck c) => Checks.GuidelineChecks.Decide(s, c, context),
            (RegisteredCase s, Agreements.SetAgreementTerms or Agreements.EditAgreementSection or Agreements.RecordSignature) => Agreements.AgreementDecider.Decide(s, command, context),

            (Received or InScreening, RecordAssessments c) => Assess(c, context),
            (Received or InScreening, CompleteScreening c) => CompleteScreening((RegisteredCase)state, c, context),

            (ActivePartnership, Discontinue) => Decision.Reject(CaseRules.CannotDiscontinueActive, "A signed partnership is ended, not discontinued."),
            (RegisteredCase s, Discontinue c) => DiscontinueCase(s.File, c.Reason, c.Alternative, c.By, now),

            (AtFirstMeeting, StartPartnerVetting c) => VettingDecider.Start(c, context),
            (InPartnerVetting s, _) when command is not Discontinue => VettingDecider.Decide(s, command, context),
            (InScoping, ConfirmScope c) => ConfirmScope(c, context),
            (InAgreementDrafting { File.Agreement: null }, SubmitAgreementForDecision) =>
                Decision.Reject(Agreements.AgreementRules.TermsRequired, "Set the agreement's terms before it goes to the committees."),
            (InAgreementDrafting s, SubmitAgreementForDecision c) => Agreements.AgreementDecider.CheckWritten(s.File.Agreement!, context.Policy)
                ?? OfficialsDecider.CheckProcurement(s.File, context)
                ?? Checks.GuidelineChecks.CheckBeforeDecision(s.File, context)
                ?? Decision.Accept(new AgreementSubmittedForDecision(c.By, now), OfficialsDecider.DecisionRequests(s.File, context, c.By)),
            (ActivePartnership s, Partnerships.ExtendTerm or Partnerships.RenegotiateAgreement or Partnerships.LetTermEnd) => Partnerships.PartnershipTerms.Decide(s, command, context),
            (ActivePartnership s, Partnerships.RecordFollowUp c) => Partnerships.FollowUps.Decide(s, c, context),
            (ActivePartnership s, Partnerships.RequestYearlyReport or Partnerships.SubmitYearlyReport) => Partnerships.YearlyReports.Decide(s, command, context),
            (ActivePartnership s, Partnerships.GiveNotice or Partnerships.RescindAgreement or Partnerships.RaiseDispute or Partnerships.EscalateDispute or Partnerships.ResolveDispute) =>
                Partnerships.Endings.Decide(s, command, context),
            (ActivePartnership, EndPartnership c) => RequireReason(c.Reason) ?? Decision.Accept(new PartnershipEnded(c.Reason.Trim(), c.By, now, SwedishClock.LocalDate(now), Partnerships.EndingKind.Ended)),

            (RegisteredCase s, _) => Decision.Reject(CaseRules.WrongStage, $"{command.GetType().Name} is not allowed while the case is at the stage {s.Stage}."),
            _ => throw new InvalidOperationException($"Unknown case state {state.GetType().Name}."),
        };
    }

    /// <summary>Applies one event. Events are facts the decider produced, so one that does not fit the state is a bug.</summary>
    public static CaseState Evolve(CaseState state, CaseEvent @event) => (state, @event) switch
    {
        (NoCase, InitiativeSubmitted e) => new Received(new CaseFile(e.Case, e.Number, e.PolicyId, e.Initiative, e.At, Screening: null, PolicyVersion: e.PolicyVersion)),
        (Received s, CriteriaAssessed e) => new InScreening(s.File, Merge(ValueList<CriterionAssessment>.Empty, e.Assessments)),
        (InScreening s, CriteriaAssessed e) => s with { Draft = Merge(s.Draft, e.Assessments) },
        (Received or InScreening, ScreeningCompleted e) => Screened((RegisteredCase)state, e),
        (RegisteredCase s, RequestsSent or RequestAnswered or RequestTransferred or RequestsWithdrawn or RequestReminded or RequestEscalated) =>
            s with { File = s.File with { Requests = OfficialsDecider.Evolve(s.File.Requests, @event) } },
        (RegisteredCase s, MeetingScheduled or MeetingRescheduled or MeetingCancelled or MeetingHeld or MeetingRecorded or CalendarEventRecorded) =>
            s with { File = s.File with { Meetings = MeetingsDecider.Evolve(s.File.Meetings, @event) } },
        (RegisteredCase s, Agreements.AgreementTermsSet or Agreements.AgreementSectionEdited or Agreements.AgreementSignedByParty) =>
            s with { File = Agreements.AgreementDecider.Evolve(s.File, @event) },
        (RegisteredCase s, Checks.CheckRecorded e) => s with { File = s.File with { Checks = Checks.GuidelineChecks.Evolve(s.File.Checks, e) } },
        (RegisteredCase s, CaseDiscontinued e) => new Discontinued(s.File, new Discontinuation(s.Stage, e.Reason, e.Alternative, e.By.Name, e.At)),
        (AtFirstMeeting s, PartnerVettingStarted e) => new InPartnerVetting(s.File, new Vetting.Vetting(e.Requests, e.DeclarationDueAt, null, e.Link, ValueList<string>.Empty)),
        (InPartnerVetting s, PartnerVettingCompleted) => new InScoping(s.File with { Vetting = s.Vetting }),
        (InPartnerVetting s, _) => s with { Vetting = VettingDecider.Evolve(s.Vetting, @event) },
        (InScoping s, ScopeConfirmed e) => new AtStakeholderMeeting(s.File with { Organisations = e.Organisations }),
        (AtStakeholderMeeting s, InternalDiscussionStarted) => new InInternalDiscussion(s.File),
        (InInternalDiscussion s, InternalPositionsReported) => new AtFollowUpMeeting(s.File),
        (AtFollowUpMeeting s, AgreementDraftingStarted) => new InAgreementDrafting(s.File),
        (InAgreementDrafting s, AgreementSubmittedForDecision) => new AwaitingCommitteeDecision(s.File, Approved: false),
        (AwaitingCommitteeDecision s, CommitteesApproved) => s with { Approved = true },
        (AwaitingCommitteeDecision s, AgreementRevisionStarted) => new InAgreementDrafting(s.File),
        (AwaitingCommitteeDecision s, AgreementSigned e) => new ActivePartnership(s.File, e.Term) { SignedAt = e.At },
        (ActivePartnership s, Partnerships.TermEndingReminded or Partnerships.TermExtended or Partnerships.TermLetEnd or Partnerships.RenegotiationStarted
            or Partnerships.FollowUpReminded or Partnerships.NoticeGiven) => Partnerships.PartnershipTerms.Evolve(s, @event),
        (ActivePartnership s, Partnerships.FollowUpRecorded e) => s with { File = s.File with { FollowUps = s.File.FollowUps.Append(e.Record).ToValueList() } },
        (ActivePartnership s, Partnerships.YearlyReportRequested or Partnerships.YearlyReportSubmitted or Partnerships.YearlyReportReminded or Partnerships.YearlyReportEscalated) =>
            s with { File = s.File with { YearlyReports = Partnerships.YearlyReports.Evolve(s.File.YearlyReports, @event) } },
        (ActivePartnership s, Partnerships.DisputeRaised or Partnerships.DisputeEscalated or Partnerships.DisputeResolved) =>
            s with { File = s.File with { Disputes = Partnerships.Endings.Evolve(s.File.Disputes, @event) } },
        (ActivePartnership s, PartnershipEnded e) => new EndedPartnership(s.File, s.Term, e.Reason, e.At) { EndedOn = e.EndedOn ?? SwedishClock.LocalDate(e.At), Kind = e.Kind },
        _ => throw new InvalidOperationException($"The event {@event.GetType().Name} cannot follow the state {state.GetType().Name}."),
    };

    /// <summary>Rebuilds a state from its history.</summary>
    public static CaseState Replay(IEnumerable<CaseEvent> events) => events.Aggregate(CaseState.Initial, Evolve);

    private static Decision Assess(RecordAssessments c, DecisionContext context) =>
        CheckAssessments(c.Assessments, context) ?? Decision.Accept(new CriteriaAssessed(Normalise(c.Assessments, context), c.By, context.Now));

    private static Decision CompleteScreening(RegisteredCase state, CompleteScreening c, DecisionContext context)
    {
        if (CheckAssessments(c.Assessments, context) is { } invalid)
        {
            return invalid;
        }

        var assessments = Normalise(c.Assessments, context);
        var screened = new ScreeningCompleted(assessments, c.Outcome, c.By, context.Now);
        if (c.Outcome == ScreeningOutcome.Discontinue)
        {
            var discontinued = DiscontinueCase(state.File, c.Reason, c.Alternative, c.By, context.Now);
            return discontinued.IsRejected ? discontinued : Decision.Accept([screened, .. discontinued.Events]);
        }

        var missing = context.Policy.Checklist.Where(k => assessments.All(a => a.CriterionId != k.Id)).Select(k => k.Number).ToArray();
        if (missing.Length > 0)
        {
            return Decision.Reject(CaseRules.AllCriteriaAssessed, $"Every criterion must be assessed before continuing; missing: {string.Join(", ", missing)}.");
        }

        var notMet = assessments.Where(a => a.Assessment == Assessment.NotMet).Select(a => context.Policy.FindCriterion(a.CriterionId)!.Number).ToArray();
        return notMet.Length > 0
            ? Decision.Reject(CaseRules.AllCriteriaMustHold, $"All criteria must hold to continue towards an IOP; not met: {string.Join(", ", notMet)}.")
            : Decision.Accept(screened);
    }

    private static Decision? CheckAssessments(IReadOnlyList<CriterionAssessment> assessments, DecisionContext context)
    {
        foreach (var a in assessments)
        {
            if (context.Policy.FindCriterion(a.CriterionId) is null || !Enum.IsDefined(a.Assessment))
            {
                return Decision.Reject(CaseRules.UnknownCriterion, $"The guideline has no criterion '{a.CriterionId}'.");
            }

            if (a.Assessment != Assessment.Met && string.IsNullOrWhiteSpace(a.Note))
            {
                return Decision.Reject(CaseRules.NoteRequired, $"Criterion {context.Policy.FindCriterion(a.CriterionId)!.Number} is assessed as {a.Assessment} and needs a note saying why.");
            }

            if (a.Note?.Length > CaseRules.MaxTextLength)
            {
                return Decision.Reject(CaseRules.NoteTooLong, $"A note may be at most {CaseRules.MaxTextLength} characters.");
            }
        }

        var twice = assessments.GroupBy(a => a.CriterionId).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null : Decision.Reject(CaseRules.DuplicateCriterion, $"The criterion '{twice.Key}' is assessed twice.");
    }

    /// <summary>Checklist order, trimmed notes, no empty notes: equal assessments are stored equally.</summary>
    private static ValueList<CriterionAssessment> Normalise(IEnumerable<CriterionAssessment> assessments, DecisionContext context) =>
        assessments
            .Select(a => a with { Note = string.IsNullOrWhiteSpace(a.Note) ? null : a.Note.Trim() })
            .OrderBy(a => context.Policy.FindCriterion(a.CriterionId)!.Number)
            .ToValueList();

    /// <summary>Discontinuing cancels the meetings still ahead and withdraws the open requests, so nobody waits for a dead case.</summary>
    private static Decision DiscontinueCase(CaseFile file, string? reason, Alternative alternative, Actor by, DateTimeOffset now)
    {
        if (RequireReason(reason) is { } invalid)
        {
            return invalid;
        }

        var text = reason!.Trim();
        var cancelled = file.Meetings.Where(m => m.IsScheduled).Select(m => (CaseEvent)new MeetingCancelled(m.Id, text, m.Sequence + 1, by, now));
        var open = file.Requests.Where(r => r.IsOpen).Select(r => r.Id).ToValueList();
        CaseEvent[] withdrawn = open.Count > 0 ? [new RequestsWithdrawn(open, text, by, now)] : [];
        return Decision.Accept([.. cancelled, .. withdrawn, new CaseDiscontinued(text, Enum.IsDefined(alternative) ? alternative : Alternative.None, by, now)]);
    }

    /// <summary>A durable timer fired: the reminders and escalations due in vetting and for open requests to officials.</summary>
    private static Decision TakeDueSteps(RegisteredCase state, CheckDeadlines c, DecisionContext context)
    {
        var events = new List<CaseEvent>();
        if (state is InPartnerVetting vetting && VettingDecider.Decide(vetting, c, context) is { IsRejected: false } due)
        {
            events.AddRange(due.Events);
        }

        events.AddRange(OfficialsDecider.DueSteps(state.File.Requests, context.Policy.Reminders, c.By, context.Now));
        if (state is ActivePartnership active)
        {
            var calendar = Partnerships.PartnershipTerms.DueSteps(active, context.Policy.Partnership, c.By, context.Now).ToList();
            events.AddRange(calendar);
            if (!calendar.Any(e => e is PartnershipEnded))
            {
                events.AddRange(Partnerships.YearlyReports.DueSteps(active.File, context.Policy.Reminders, c.By, context.Now));
            }
        }

        return events.Count == 0 ? Decision.Reject(VettingRules.NothingDue, "No reminder or escalation is due.") : Decision.Accept(events);
    }

    private static Decision? RequireReason(string? reason) => reason switch
    {
        null or { Length: 0 } => Decision.Reject(CaseRules.ReasonRequired, "A reason is required."),
        _ when PlainText.IsBlank(reason) => Decision.Reject(CaseRules.ReasonRequired, "A reason is required."),
        { Length: > CaseRules.MaxTextLength } => Decision.Reject(CaseRules.ReasonTooLong, $"A reason may be at most {CaseRules.MaxTextLength} characters."),
        _ => null,
    };

    private static Decision ConfirmScope(ConfirmScope c, DecisionContext context)
    {
        var organisations = c.Organisations.DistinctBy(o => o.Id).ToValueList();
        return organisations.Count == 0
            ? Decision.Reject(CaseRules.ScopeRequired, "At least one affected committee or company is required.")
            : Decision.Accept(new ScopeConfirmed(organisations, c.By, context.Now), OfficialsDecider.StaffingRequests(organisations, context, c.By));
    }

    private static ValueList<CriterionAssessment> Merge(ValueList<CriterionAssessment> draft, ValueList<CriterionAssessment> update) =>
        draft.Where(d => update.All(u => u.CriterionId != d.CriterionId)).Concat(update).ToValueList();

    private static RegisteredCase Screened(RegisteredCase state, ScreeningCompleted e)
    {
        var file = state.File with { Screening = new ScreeningRecord(e.Assessments, e.By.Name, e.At) };
        return e.Outcome == ScreeningOutcome.Continue ? new AtFirstMeeting(file) : new InScreening(file, e.Assessments);
    }
}
