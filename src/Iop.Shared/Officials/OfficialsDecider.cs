using Iop.Cases;
using Iop.Common;
using Iop.Meetings;
using Iop.Policies;
using Iop.Vetting;

namespace Iop.Officials;

/// <summary>
/// The rules of requests to officials: fan-out (one request per organisation, in parallel), answers from e-mail links,
/// delegation and reassignment, reminders and escalation, and fan-in (the case moves on when all have answered).
/// </summary>
public static class OfficialsDecider
{
    /// <summary>Decides a request command.</summary>
    public static Decision Decide(RegisteredCase state, CaseCommand command, DecisionContext context) => command switch
    {
        RequestProcurementOpinion c => RequestOpinion(state, c, context),
        AnswerRequest c => Answer(state, c, context),
        DelegateRequest c => Delegate(state, c, context),
        ReassignRequest c => Reassign(state, c, context),
        ReviseAgreement c => Revise(state, c, context),
        _ => throw new InvalidOperationException($"{command.GetType().Name} is not a request command."),
    };

    /// <summary>Applies a request event to the case's requests.</summary>
    public static ValueList<OfficialRequest> Evolve(ValueList<OfficialRequest> requests, CaseEvent e) => e switch
    {
        RequestsSent x => requests.Concat(x.Requests).ToValueList(),
        RequestAnswered x => Update(requests, x.RequestId, r => r with { Status = OfficialRequestStatus.Answered, Answer = x.Answer }),
        RequestTransferred x => Update(requests, x.RequestId, r => r with
        {
            Addressee = x.Transfer.To,
            Issue = r.Issue + 1,
            DueAt = x.DueAt,
            Transfers = r.Transfers.Append(x.Transfer).ToValueList(),
        }),
        RequestsWithdrawn x => requests.Select(r => x.RequestIds.Contains(r.Id) ? r with { Status = OfficialRequestStatus.Withdrawn } : r).ToValueList(),
        RequestReminded x => Update(requests, x.RequestId, r => r with { StepsTaken = r.StepsTaken.Concat(x.Steps).ToValueList() }),
        RequestEscalated x => Update(requests, x.RequestId, r => r with { StepsTaken = r.StepsTaken.Concat(x.Steps).ToValueList() }),
        _ => requests,
    };

    /// <summary>Staffing requests to the head of each newly scoped organisation.</summary>
    public static RequestsSent StaffingRequests(IEnumerable<ScopedOrganisation> organisations, DecisionContext context, Actor by)
    {
        var due = context.Policy.Reminders.DueAfter(context.Now);
        return new RequestsSent(
            organisations.Select(o => OfficialRequest.Open($"staffing-{o.Id}", RequestKind.StaffingConfirmation, o.Id, o.Name, o.Head, context.Now, due)).ToValueList(),
            by,
            context.Now);
    }

    /// <summary>The reminder and escalation steps of open requests that have fallen due.</summary>
    public static IEnumerable<CaseEvent> DueSteps(IEnumerable<OfficialRequest> requests, ReminderCadence cadence, Actor by, DateTimeOffset now)
    {
        foreach (var r in requests.Where(r => r.IsOpen))
        {
            var due = ReminderSchedule.StepsFor(r.LinkId, r.DueAt, cadence, now).Where(s => s.At <= now && !r.StepsTaken.Contains(s.Key)).ToList();
            if (due.Where(s => !s.IsEscalation).Select(s => s.Key).ToValueList() is { Count: > 0 } reminders)
            {
                yield return new RequestReminded(r.Id, reminders, by, now);
            }

            if (due.Where(s => s.IsEscalation).Select(s => s.Key).ToValueList() is { Count: > 0 } escalations)
            {
                yield return new RequestEscalated(r.Id, escalations, by, now);
            }
        }
    }

    /// <summary>
    /// After the stakeholder meeting was held and every staffing request answered, each organisation is asked for its
    /// position: the first official its head confirmed, or its contact official.
    /// </summary>
    public static IEnumerable<CaseEvent> StartInternalDiscussionIfReady(CaseFile file, Actor by, DecisionContext context)
    {
        var held = file.Meetings.Any(m => m.Kind == MeetingKind.StakeholderMeeting && m.Status == MeetingStatus.Held);
        var staffing = file.Requests.Where(r => r.Kind == RequestKind.StaffingConfirmation && r.Status != OfficialRequestStatus.Withdrawn).ToList();
        if (!held || staffing.Any(r => r.IsOpen))
        {
            yield break;
        }

        var due = context.Policy.Reminders.DueAfter(context.Now);
        var requests = file.Organisations.Select(o =>
        {
            var confirmed = staffing.FirstOrDefault(r => r.OrganisationId == o.Id)?.Answer?.Content is StaffingAnswer { Confirmed: true, Officials: [var first, ..] } ? first : o.Contact;
            return OfficialRequest.Open($"position-{o.Id}", RequestKind.InternalPosition, o.Id, o.Name, confirmed, context.Now, due);
        });
        yield return new InternalDiscussionStarted(by, context.Now);
        yield return new RequestsSent(requests.ToValueList(), by, context.Now);
    }

    /// <summary>The agreement goes to every affected committee's and board's secretary for a decision, in a new round.</summary>
    public static RequestsSent DecisionRequests(CaseFile file, DecisionContext context, Actor by)
    {
        var round = file.Requests.Where(r => r.Kind == RequestKind.CommitteeDecision).Select(r => r.Round).DefaultIfEmpty(0).Max() + 1;
        var due = context.Policy.Reminders.DueAfter(context.Now);
        return new RequestsSent(
            file.Organisations.Select(o => OfficialRequest.Open($"decision-{round}-{o.Id}", RequestKind.CommitteeDecision, o.Id, o.Name, o.Secretary, context.Now, due) with { Round = round })
                .ToValueList(),
            by,
            context.Now);
    }

    /// <summary>The committee decisions of the latest round.</summary>
    public static IReadOnlyList<OfficialRequest> CurrentDecisions(CaseFile file)
    {
        var decisions = file.Requests.Where(r => r.Kind == RequestKind.CommitteeDecision).ToList();
        var round = decisions.Select(r => r.Round).DefaultIfEmpty(0).Max();
        return [.. decisions.Where(r => r.Round == round)];
    }

    /// <summary>The procurement unit's latest answered opinion, if any.</summary>
    public static ProcurementOpinion? LatestOpinion(CaseFile file) =>
        file.Requests.Where(r => r.Kind == RequestKind.ProcurementOpinion && r.Answer is not null).Select(r => r.Answer!.Content).OfType<ProcurementOpinion>().LastOrDefault();

    /// <summary>Whether the agreement may go to the committees as far as criterion 7 is concerned.</summary>
    public static Decision? CheckProcurement(CaseFile file, DecisionContext context)
    {
        if (!context.Policy.Checklist.Any(c => c.RequiresProcurementOpinion))
        {
            return null;
        }

        return LatestOpinion(file) switch
        {
            null => Decision.Reject(OfficialsRules.OpinionRequired, "The procurement unit's opinion is needed before the committees decide."),
            { Situation: MarketSituation.Market } => Decision.Reject(OfficialsRules.MarketSituation, "The procurement unit found a market or competition situation."),
            _ => null,
        };
    }

    private static Decision RequestOpinion(RegisteredCase state, RequestProcurementOpinion c, DecisionContext context)
    {
        if (state is AwaitingCommitteeDecision or ActivePartnership)
        {
            return Decision.Reject(OfficialsRules.TooLateForOpinion, "The procurement unit's opinion is asked before the committees decide.");
        }

        var requests = state.File.Requests;
        if (requests.Any(r => r.Kind == RequestKind.ProcurementOpinion && r.IsOpen))
        {
            return Decision.Reject(OfficialsRules.OpinionPending, "The procurement unit has already been asked and has not answered yet.");
        }

        if (CheckPerson(c.ProcurementUnit) is { } invalid)
        {
            return invalid;
        }

        var number = requests.Count(r => r.Kind == RequestKind.ProcurementOpinion) + 1;
        var request = OfficialRequest.Open(
            $"procurement-{number}", RequestKind.ProcurementOpinion, null, c.ProcurementUnit.Name, c.ProcurementUnit, context.Now, context.Policy.Reminders.DueAfter(context.Now));
        return Decision.Accept(new RequestsSent(ValueList.Of(request), c.By, context.Now));
    }

    private static Decision Answer(RegisteredCase state, AnswerRequest c, DecisionContext context)
    {
        var file = state.File;
        if (CheckLink(file, c.RequestId, c.Issue, c.AnsweredBy) is { } refused)
        {
            return refused;
        }

        var request = file.Requests.First(r => r.Id == c.RequestId);
        if (c.Answer.Answers != request.Kind)
        {
            return Decision.Reject(OfficialsRules.WrongAnswer, $"A {request.Kind} request cannot be answered with a {c.Answer.Answers}.");
        }

        if ((CheckAnswer(c.Answer, context.Now) ?? CheckStaffing(c.Answer, context.Policy.Staffing)) is { } invalid)
        {
            return invalid;
        }

        var answered = new RequestAnswered(request.Id, new RecordedAnswer(Normalise(c.Answer), c.AnsweredBy, request.LinkId, context.Now), c.By, context.Now);
        var after = file with { Requests = Evolve(file.Requests, answered) };
        return Decision.Accept([answered, .. FanIn(state, after, request.Kind, context)]);
    }

    /// <summary>What the last answer of a fan-out moves: the stage's next step.</summary>
    private static IEnumerable<CaseEvent> FanIn(RegisteredCase state, CaseFile after, RequestKind kind, DecisionContext context)
    {
        switch (state, kind)
        {
            case (AtStakeholderMeeting, RequestKind.StaffingConfirmation):
                return StartInternalDiscussionIfReady(after, Actor.System, context);
            case (InInternalDiscussion, RequestKind.InternalPosition)
                when !after.Requests.Any(r => r.Kind == RequestKind.InternalPosition && r.IsOpen):
                return [new InternalPositionsReported(Actor.System, context.Now)];
            case (AwaitingCommitteeDecision, RequestKind.CommitteeDecision)
                when CurrentDecisions(after) is var round && round.All(r => r.Answer?.Content is CommitteeDecision { Approved: true }):
                return [new CommitteesApproved(Actor.System, context.Now)];
            default:
                return [];
        }
    }

    private static Decision Delegate(RegisteredCase state, DelegateRequest c, DecisionContext context)
    {
        if (CheckLink(state.File, c.RequestId, c.Issue, c.DelegatedBy) is { } refused)
        {
            return refused;
        }

        var request = state.File.Requests.First(r => r.Id == c.RequestId);
        return CheckTransfer(request, c.To, c.Reason)
            ?? Decision.Accept(new RequestTransferred(
                request.Id, new RequestTransfer(request.Addressee, Clean(c.To), Trim(c.Reason), c.DelegatedBy.Name, ByCoordinator: false, context.Now), request.DueAt, c.By, context.Now));
    }

    private static Decision Reassign(RegisteredCase state, ReassignRequest c, DecisionContext context)
    {
        var request = state.File.Requests.FirstOrDefault(r => r.Id == c.RequestId);
        if (CheckOpen(request) is { } closed)
        {
            return closed;
        }

        // The new person gets a fair time to answer: the guideline's days from now, unless the old date is later.
        var due = request!.DueAt > context.Policy.Reminders.DueAfter(context.Now) ? request.DueAt : context.Policy.Reminders.DueAfter(context.Now);
        return CheckTransfer(request, c.To, c.Reason)
            ?? Decision.Accept(new RequestTransferred(request.Id, new RequestTransfer(request.Addressee, Clean(c.To), Trim(c.Reason), c.By.Name, ByCoordinator: true, context.Now), due, c.By, context.Now));
    }

    private static Decision Revise(RegisteredCase state, ReviseAgreement c, DecisionContext context)
    {
        if (state is not AwaitingCommitteeDecision)
        {
            return Decision.Reject(CaseRules.WrongStage, "Only an agreement waiting for the committees' decisions can be taken back for revision.");
        }

        var round = CurrentDecisions(state.File);
        if (!round.Any(r => r.Answer?.Content is CommitteeDecision { Approved: false }))
        {
            return Decision.Reject(OfficialsRules.NothingRejected, "No committee has rejected the agreement.");
        }

        var reason = c.Reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > CaseRules.MaxTextLength)
        {
            return Decision.Reject(CaseRules.ReasonRequired, "Say what is to be revised.");
        }

        var open = round.Where(r => r.IsOpen).Select(r => r.Id).ToValueList();
        CaseEvent[] withdrawn = open.Count > 0 ? [new RequestsWithdrawn(open, reason, c.By, context.Now)] : [];
        return Decision.Accept([.. withdrawn, new AgreementRevisionStarted(reason, c.By, context.Now)]);
    }

    private static Decision? CheckLink(CaseFile file, string requestId, int issue, Person by)
    {
        var request = file.Requests.FirstOrDefault(r => r.Id == requestId);
        return CheckOpen(request)
            ?? (request!.Issue != issue ? Decision.Reject(OfficialsRules.Moved, "The request has been passed to someone else since this link was sent.")
            : !request.Addressee.Is(by.Email) ? Decision.Reject(OfficialsRules.NotAddressee, "Only the person the request was sent to can answer it.")
            : null);
    }

    private static Decision? CheckOpen(OfficialRequest? request) => request switch
    {
        null => Decision.Reject(OfficialsRules.UnknownRequest, "The case has no such request."),
        { Status: OfficialRequestStatus.Answered } => Decision.Reject(OfficialsRules.AlreadyAnswered, "The request has already been answered."),
        { Status: OfficialRequestStatus.Withdrawn } => Decision.Reject(OfficialsRules.Withdrawn, "The request has been withdrawn."),
        _ => null,
    };

    private static Decision? CheckTransfer(OfficialRequest request, Person to, string? reason) =>
        CheckPerson(to)
        ?? (request.Addressee.Is(to.Email.Trim()) ? Decision.Reject(OfficialsRules.SamePerson, "The request is already with that person.")
        : reason?.Trim().Length > CaseRules.MaxTextLength ? Decision.Reject(CaseRules.NoteTooLong, $"A reason may be at most {CaseRules.MaxTextLength} characters.")
        : null);

    private static Decision? CheckPerson(Person person) =>
        string.IsNullOrWhiteSpace(person.Name) || person.Name.Trim().Length > OfficialsRules.MaxShortText || !PlainText.IsName(SingleLine.Normalise(person.Name)) || !Email.IsValid(person.Email?.Trim())
            ? Decision.Reject(OfficialsRules.InvalidAddress, "A name and a valid e-mail address are needed.")
            : null;

    /// <summary>Where the guideline asks for one named contact per administration (Stockholm), a confirmation names exactly one.</summary>
    private static Decision? CheckStaffing(OfficialAnswer answer, Policies.StaffingRule rule) =>
        rule.OneNamedContact && answer is StaffingAnswer { Confirmed: true } a && a.Officials.DistinctBy(p => p.Email.Trim().ToUpperInvariant()).Count() != 1
            ? Decision.Reject(OfficialsRules.OneContact, "The guideline asks for one named contact person per administration.")
            : null;

    private static Decision? CheckAnswer(OfficialAnswer answer, DateTimeOffset now) => answer switch
    {
        ProcurementOpinion a when !Enum.IsDefined(a.Situation) => Decision.Reject(OfficialsRules.WrongAnswer, "Choose whether there is a market situation."),
        ProcurementOpinion a => CheckText(a.Opinion),
        StaffingAnswer { Confirmed: true, Officials.Count: 0 } => Decision.Reject(OfficialsRules.OfficialRequired, "Name at least one official who takes part."),
        StaffingAnswer { Confirmed: true } a => a.Officials.Select(CheckPerson).FirstOrDefault(e => e is not null),
        StaffingAnswer a => CheckText(a.Reason),
        PositionAnswer a when !Enum.IsDefined(a.Position) => Decision.Reject(OfficialsRules.WrongAnswer, "Choose a position."),
        PositionAnswer a => CheckText(a.Statement),
        CommitteeDecision a when a.MeetingDate == default => Decision.Reject(OfficialsRules.MeetingDateRequired, "The decision needs the date of the meeting."),
        CommitteeDecision a when a.MeetingDate > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1) =>
            Decision.Reject(OfficialsRules.MeetingDateInFuture, "The meeting date lies in the future."),
        CommitteeDecision a when string.IsNullOrWhiteSpace(a.Paragraph) => Decision.Reject(OfficialsRules.ParagraphRequired, "The decision needs its protocol paragraph, e.g. § 19."),
        CommitteeDecision a when a.Paragraph.Trim().Length > OfficialsRules.MaxShortText => Decision.Reject(CaseRules.NoteTooLong, "The paragraph is too long."),
        CommitteeDecision a when !PlainText.IsName(a.Paragraph) => Decision.Reject(OfficialsRules.ParagraphRequired, "The paragraph holds control or direction characters."),
        _ => null,
    };

    private static Decision? CheckText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Decision.Reject(OfficialsRules.TextRequired, "A written answer is needed.")
        : text.Trim().Length > CaseRules.MaxTextLength ? Decision.Reject(CaseRules.NoteTooLong, $"An answer may be at most {CaseRules.MaxTextLength} characters.")
        : null;

    private static OfficialAnswer Normalise(OfficialAnswer answer) => answer switch
    {
        ProcurementOpinion a => a with { Opinion = a.Opinion.Trim() },
        StaffingAnswer { Confirmed: true } a => a with { Officials = a.Officials.Select(Clean).DistinctBy(p => p.Email.ToUpperInvariant()).ToValueList(), Reason = Trim(a.Reason) },
        StaffingAnswer a => a with { Officials = ValueList<Person>.Empty, Reason = Trim(a.Reason) },
        PositionAnswer a => a with { Statement = a.Statement.Trim() },
        CommitteeDecision a => a with { Paragraph = SingleLine.Normalise(a.Paragraph) },
        _ => answer,
    };

    private static Person Clean(Person p) => new(SingleLine.Normalise(p.Name), SingleLine.Normalise(p.Email));

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static ValueList<OfficialRequest> Update(ValueList<OfficialRequest> requests, string id, Func<OfficialRequest, OfficialRequest> change) =>
        requests.Select(r => r.Id == id ? change(r) : r).ToValueList();
}
