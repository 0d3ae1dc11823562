using Iop.Policies;

namespace Iop.Cases;

/// <summary>One line of the coordinator's case list.</summary>
/// <param name="Id">The case.</param>
/// <param name="Number">Its registration number.</param>
/// <param name="OrganisationName">The initiating organisation.</param>
/// <param name="Stage">Where the case stands.</param>
/// <param name="ReceivedAt">When the initiative arrived.</param>
/// <param name="UpdatedAt">When the case last changed.</param>
/// <param name="DueAt">When the coordinator's next step is due, if one is.</param>
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
    /// <summary>Whether the next step is overdue at <paramref name="now"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => DueAt is { } due && due < now;

    /// <summary>The summary of a state.</summary>
    public static CaseSummary Of(RegisteredCase state, int version, DateTimeOffset updatedAt, PolicyProfile policy)
    {
        var file = state.File;
        DateTimeOffset? due = state is Received or InScreening ? file.ReceivedAt.AddDays(policy.Reminders.ScreeningDueDays) : null;
        return new CaseSummary(file.Id, file.Number, file.Initiative.OrganisationName, state.Stage, file.ReceivedAt, updatedAt, due, version);
    }

    /// <summary>The coordinator's order: overdue first (most overdue on top), then due soonest, then newest.</summary>
    public static IReadOnlyList<CaseSummary> InWorkOrder(IEnumerable<CaseSummary> cases, DateTimeOffset now) =>
        [.. cases
            .OrderByDescending(c => c.IsOverdue(now))
            .ThenBy(c => c.DueAt ?? DateTimeOffset.MaxValue)
            .ThenByDescending(c => c.ReceivedAt)];
}
