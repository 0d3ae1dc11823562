using Iop.Common;
using Iop.Policies;

namespace Iop.Cases;

/// <summary>One line of the coordinator's case list.</summary>
/// <param name="Id">The case.</param>
/// <param name="Number">Its registration number.</param>
/// <param name="OrganisationName">The initiating organisation.</param>
/// <param name="Stage">Where the case stands.</param>
/// <param name="ReceivedAt">When the initiative arrived.</param>
/// <param name="UpdatedAt">When the case last changed.</param>
/// <param name="DueAt">When the next step is due (the earliest among the parties waited on), if one is.</param>
/// <param name="Version">The number of events in the case.</param>
public sealed record CaseSummary(
    CaseId Id,
    RegistrationNumber Number,
    string OrganisationName,
    Stage Stage,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? DueAt,
    int Version)
{
    /// <summary>The organisation's number (organisationsnummer), as the organisation wrote it.</summary>
    public string OrganisationNumber { get; init; } = "";

    /// <summary>The initiative's contact person.</summary>
    public string ContactName { get; init; } = "";

    /// <summary>The contact person's e-mail address.</summary>
    public string ContactEmail { get; init; } = "";

    /// <summary>Whom the case waits on (väntar på), each with its due date.</summary>
    public ValueList<Awaited> WaitingOn { get; init; } = ValueList<Awaited>.Empty;

    /// <summary>For an ended partnership, the day it ended (its last day, or the day rescinded from).</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>Whether the next step is overdue at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => DueAt is { } due && due < now;

    /// <summary>The summary of a state.</summary>
    public static CaseSummary Of(RegisteredCase state, int version, DateTimeOffset updatedAt, PolicyProfile policy)
    {
        var file = state.File;
        var waitingOn = Cases.WaitingOn.Of(state, policy.Reminders);
        return new CaseSummary(file.Id, file.Number, file.Initiative.OrganisationName, state.Stage, file.ReceivedAt, updatedAt, Cases.WaitingOn.NextDue(waitingOn), version)
        {
            OrganisationNumber = file.Initiative.OrganisationNumber,
            ContactName = file.Initiative.Contact.Name,
            ContactEmail = file.Initiative.Contact.Email,
            WaitingOn = waitingOn,
            EndedOn = (state as EndedPartnership)?.EndedOn,
        };
    }

    /// <summary>The coordinator's order: overdue first (most overdue on top), then due soonest, then newest.</summary>
    public static IReadOnlyList<CaseSummary> InWorkOrder(IEnumerable<CaseSummary> cases, DateTimeOffset now) =>
        [.. cases
            .OrderByDescending(c => c.IsOverdue(now))
            .ThenBy(c => c.DueAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(c => c.ReceivedAt)];
}
