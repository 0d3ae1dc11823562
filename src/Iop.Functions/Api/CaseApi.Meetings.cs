using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Security;
using Iop.Meetings;
using Iop.Officials;

namespace Iop.Functions.Api;

/// <summary>Meetings: book (Outlook invitations go out), move, cancel, record as held.</summary>
internal static partial class CaseApi
{
    private static void MapMeetingCommands(this RouteGroupBuilder cases)
    {
        cases.MapPost("/{id}/meetings", ScheduleMeeting)
            .Creating("ScheduleMeeting", "Books the stage's meeting and sends the invitations; answers with the meeting's id.");
        cases.MapPost("/{id}/meetings/recorded", RecordPastMeeting)
            .Creating("RecordPastMeeting", "Records the stage's meeting that has already been held (e.g. by phone yesterday): no invitation goes out, it counts as held.");
        cases.MapPost("/{id}/meetings/{meetingId}/reschedule", RescheduleMeeting)
            .Command("RescheduleMeeting", "Moves a booked meeting; the invited get an updated invitation.");
        cases.MapPost("/{id}/meetings/{meetingId}/cancel", CancelMeeting)
            .Command("CancelMeeting", "Cancels a booked meeting with a reason; the invited get a cancellation.");
        cases.MapPost("/{id}/meetings/{meetingId}/held", MeetingHeld)
            .Command("RecordMeetingHeld", "Records that a meeting was held, with its notes; the case moves on when the stage's meeting is held.");
    }

    private static Task<IResult> ScheduleMeeting(string id, ScheduleMeetingRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add(("kind", Language.T("Ange mötets slag: FirstMeeting, StakeholderMeeting eller FollowUpMeeting.", "Give the kind of meeting: FirstMeeting, StakeholderMeeting or FollowUpMeeting.")));
        }

        if (request.Start is null || request.End is null)
        {
            errors.Add(("start", TimesRequired));
        }

        if (errors.Count > 0)
        {
            return Task.FromResult(ApiProblems.Validation(errors));
        }

        var attendees = (request.Attendees ?? []).Select(p => new Person(p?.Name?.Trim() ?? "", p?.Email?.Trim() ?? "")).ToValueList();
        var command = new ScheduleMeeting(request.Kind!.Value, request.Start!.Value, request.End!.Value, request.Location, request.Online ?? false, attendees, context.User.ToActor());
        return RunAsync(id, command, request.ExpectedVersion, service, context,
            Created(a => a.Events.OfType<MeetingScheduled>().Single().Meeting.Id), cancellationToken);
    }

    private static Task<IResult> RecordPastMeeting(string id, RecordPastMeetingRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.Kind is not { } kind || !Enum.IsDefined(kind) || request.Start is not { } start || request.End is not { } end)
        {
            return Task.FromResult(ApiProblems.Validation([("start", TimesRequired), ("kind", Language.T("Ange mötets slag.", "Give the kind of meeting."))]));
        }

        var attendees = (request.Attendees ?? []).Select(p => new Person(p?.Name?.Trim() ?? "", p?.Email?.Trim() ?? "")).ToValueList();
        var command = new RecordPastMeeting(kind, start, end, request.Location, request.Online ?? false, attendees, request.Notes, context.User.ToActor());
        return RunAsync(id, command, request.ExpectedVersion, service, context, Created(a => a.Events.OfType<MeetingRecorded>().Single().Meeting.Id), cancellationToken);
    }

    private static Task<IResult> RescheduleMeeting(
        string id, string meetingId, RescheduleMeetingRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        request.Start is not { } start || request.End is not { } end
            ? Task.FromResult(ApiProblems.Validation([("start", TimesRequired)]))
            : RunAsync(id, new RescheduleMeeting(meetingId, start, end, request.Location, request.Online ?? false, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> CancelMeeting(string id, string meetingId, ReasonRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new CancelMeeting(meetingId, request.Reason ?? "", context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static Task<IResult> MeetingHeld(string id, string meetingId, MeetingHeldRequest request, CaseService service, HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(id, new RecordMeetingHeld(meetingId, request.Notes, context.User.ToActor()), request.ExpectedVersion, service, context, cancellationToken);

    private static string TimesRequired => Language.T(
        "Ange start och slut med tidszon, t.ex. 2027-01-12T09:00:00+01:00.", "Give start and end with their offset, e.g. 2027-01-12T09:00:00+01:00.");
}
