using System.Globalization;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Localization;
using Iop.Functions.Security;
using Iop.Meetings;
using Iop.Officials;
using Microsoft.AspNetCore.Mvc;

namespace Iop.Functions.Pages.Cases;

/// <summary>The coordinator's meetings and requests to officials on the case page.</summary>
internal sealed partial class DetailsModel
{
    /// <summary>The people a meeting of the case's current stage would invite, derived from the case.</summary>
    public IReadOnlyList<Person> SuggestedAttendees()
    {
        var file = Case.State.File;
        var initiator = new Person(file.Initiative.Contact.Name, file.Initiative.Contact.Email);
        IEnumerable<Person> officials = Case.State switch
        {
            AtStakeholderMeeting => file.Organisations.Select(o => o.Contact)
                .Concat(Confirmed(file, RequestKind.StaffingConfirmation)),
            AtFollowUpMeeting => Confirmed(file, RequestKind.StaffingConfirmation)
                .Concat(file.Requests.Where(r => r.Kind == RequestKind.InternalPosition).Select(r => r.Addressee)),
            _ => [],
        };
        return [.. new[] { initiator }.Concat(officials).DistinctBy(p => p.Email.ToUpperInvariant())];
    }

    public Task<IActionResult> OnPostScopeAsync(string id, [FromForm] int version, [FromForm] string[]? organisations, CancellationToken cancellationToken)
    {
        var directory = HttpContext.RequestServices.GetRequiredService<OrganisationDirectory>();
        var chosen = (organisations ?? []).Select(directory.Find).OfType<ScopedOrganisation>().ToValueList();
        return RunAsync(id, new ConfirmScope(chosen, User.ToActor()), version,
            T("Berörda nämnder och bolag är registrerade. Cheferna har fått en förfrågan om bemanning.", "The affected committees and companies are recorded. The heads have been asked to confirm staffing."), "scoping", cancellationToken);
    }

    public Task<IActionResult> OnPostRequestOpinionAsync(string id, [FromForm] int version, CancellationToken cancellationToken)
    {
        var directory = HttpContext.RequestServices.GetRequiredService<OrganisationDirectory>();
        return RunAsync(id, new RequestProcurementOpinion(directory.Procurement, User.ToActor()), version,
            T("Upphandlingsenheten har fått en förfrågan om yttrande.", "The procurement unit has been asked for its opinion."), "requests", cancellationToken);
    }

    public Task<IActionResult> OnPostScheduleMeetingAsync(
        string id, [FromForm] int version, [FromForm] MeetingKind kind, [FromForm] string? date, [FromForm] string? start, [FromForm] string? end,
        [FromForm] string? location, [FromForm] bool online, [FromForm] string[]? invite, [FromForm] string? extraName, [FromForm] string? extraEmail,
        CancellationToken cancellationToken)
    {
        if (!TryParseTimes(date, start, end, out var from, out var to))
        {
            return FailAsync(id, "meeting-date", T("Ange datum (ÅÅÅÅ-MM-DD) och tider (TT:MM).", "Enter the date (YYYY-MM-DD) and times (HH:MM)."), cancellationToken);
        }

        var command = new ScheduleMeeting(kind, from, to, location, online, Attendees(invite, extraName, extraEmail), User.ToActor());
        return RunAsync(id, command, version, T("Mötet är bokat och inbjudningarna har skickats.", "The meeting is scheduled and the invitations are sent."), "meetings", cancellationToken);
    }

    public Task<IActionResult> OnPostRecordMeetingAsync(
        string id, [FromForm] int version, [FromForm] MeetingKind kind, [FromForm] string? date, [FromForm] string? start, [FromForm] string? end,
        [FromForm] string? location, [FromForm] bool online, [FromForm] string[]? invite, [FromForm] string? extraName, [FromForm] string? extraEmail, [FromForm] string? notes,
        CancellationToken cancellationToken)
    {
        if (!TryParseTimes(date, start, end, out var from, out var to))
        {
            return FailAsync(id, "record-meeting", T("Ange datum (ÅÅÅÅ-MM-DD) och tider (TT:MM).", "Enter the date (YYYY-MM-DD) and times (HH:MM)."), cancellationToken);
        }

        var command = new RecordPastMeeting(kind, from, to, location, online, Attendees(invite, extraName, extraEmail), notes, User.ToActor());
        return RunAsync(id, command, version, T("Mötet är registrerat som hållet. Ingen inbjudan skickades.", "The meeting is recorded as held. No invitation was sent."), "meetings", cancellationToken);
    }

    /// <summary>The people ticked in the form ("name|e-mail"), plus the one typed in.</summary>
    private static ValueList<Person> Attendees(string[]? invite, string? extraName, string? extraEmail)
    {
        var attendees = (invite ?? []).Select(ParsePerson).OfType<Person>().ToList();
        if (!string.IsNullOrWhiteSpace(extraName) || !string.IsNullOrWhiteSpace(extraEmail))
        {
            attendees.Add(new Person(extraName?.Trim() ?? "", extraEmail?.Trim() ?? ""));
        }

        return attendees.ToValueList();
    }

    public Task<IActionResult> OnPostRescheduleMeetingAsync(
        string id, [FromForm] int version, [FromForm] string meetingId, [FromForm] string? date, [FromForm] string? start, [FromForm] string? end,
        [FromForm] string? location, [FromForm] bool online, CancellationToken cancellationToken) =>
        !TryParseTimes(date, start, end, out var from, out var to)
            ? FailAsync(id, "meetings", T("Ange datum (ÅÅÅÅ-MM-DD) och tider (TT:MM).", "Enter the date (YYYY-MM-DD) and times (HH:MM)."), cancellationToken)
            : RunAsync(id, new RescheduleMeeting(meetingId, from, to, location, online, User.ToActor()), version, T("Mötet är flyttat och de inbjudna har fått en uppdatering.", "The meeting is moved and the invited have been sent an update."), "meetings", cancellationToken);

    public Task<IActionResult> OnPostCancelMeetingAsync(string id, [FromForm] int version, [FromForm] string meetingId, [FromForm] string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, new CancelMeeting(meetingId, reason ?? "", User.ToActor()), version, T("Mötet är inställt och de inbjudna har fått besked.", "The meeting is cancelled and the invited have been told."), "meetings", cancellationToken);

    public Task<IActionResult> OnPostMeetingHeldAsync(string id, [FromForm] int version, [FromForm] string meetingId, [FromForm] string? notes, CancellationToken cancellationToken) =>
        RunAsync(id, new RecordMeetingHeld(meetingId, notes, User.ToActor()), version, T("Mötet är registrerat som genomfört.", "The meeting is recorded as held."), "meetings", cancellationToken);

    public Task<IActionResult> OnPostReassignAsync(
        string id, [FromForm] int version, [FromForm] string requestId, [FromForm] string? name, [FromForm] string? email, [FromForm] string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, new ReassignRequest(requestId, new Person(name?.Trim() ?? "", email?.Trim() ?? ""), reason, User.ToActor()), version,
            T("Förfrågan är överlämnad och den nya mottagaren har fått ett mejl.", "The request is passed on and the new addressee has been sent an e-mail."), "requests", cancellationToken);

    public Task<IActionResult> OnPostSubmitAgreementAsync(string id, [FromForm] int version, CancellationToken cancellationToken) =>
        RunAsync(id, new SubmitAgreementForDecision(User.ToActor()), version,
            T("Förslaget har skickats till nämndernas sekreterare för beslut.", "The draft has been sent to the committees' secretaries for decision."), "requests", cancellationToken);

    public Task<IActionResult> OnPostReviseAsync(string id, [FromForm] int version, [FromForm] string? reason, CancellationToken cancellationToken) =>
        RunAsync(id, new ReviseAgreement(reason ?? "", User.ToActor()), version,
            T("Överenskommelsen är tillbaka för omarbetning.", "The agreement is back for revision."), "requests", cancellationToken);

    private static IEnumerable<Person> Confirmed(CaseFile file, RequestKind kind) =>
        file.Requests.Where(r => r.Kind == kind).Select(r => r.Answer?.Content).OfType<StaffingAnswer>().SelectMany(a => a.Officials);

    /// <summary>A checkbox value "name|e-mail".</summary>
    private static Person? ParsePerson(string value) =>
        value.Split('|') is [var name, var email] ? new Person(name.Trim(), email.Trim()) : null;

    /// <summary>A date and two clock times typed in Swedish local time.</summary>
    private static bool TryParseTimes(string? date, string? start, string? end, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = to = default;
        if (!DateOnly.TryParseExact(date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(start?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var s)
            || !TimeOnly.TryParseExact(end?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var e))
        {
            return false;
        }

        from = SwedishTime.FromLocal(day.ToDateTime(s));
        to = SwedishTime.FromLocal(day.ToDateTime(e));
        return true;
    }
}
