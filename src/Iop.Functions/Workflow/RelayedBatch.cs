namespace Iop.Functions.Workflow;

/// <summary>How the workflow carries out an effect.</summary>
internal enum EffectRoute
{
    /// <summary>An e-mail (<see cref="Activities.SendMail"/>).</summary>
    Mail,

    /// <summary>A notice to the coordinator (<see cref="Activities.SendNotice"/>).</summary>
    Notice,

    /// <summary>An Outlook invitation, update or cancellation (<see cref="Activities.SendCalendarInvitation"/>).</summary>
    Invitation,

    /// <summary>What the case waits for changed: start and end <see cref="AwaitAnswer"/> waits.</summary>
    Waits,
}

/// <summary>One committed effect handed to the case's workflow: its outbox row, not its content.</summary>
/// <param name="Row">The outbox row's key in the case's partition (<c>outbox-{version}-{index}</c>).</param>
/// <param name="Attempt">1, or more when the coordinator retried a failed effect.</param>
/// <param name="Route">How to carry it out.</param>
/// <param name="Waits">For <see cref="EffectRoute.Waits"/>: the keys of every open wait.</param>
internal sealed record RelayedEffect(string Row, int Attempt, EffectRoute Route, IReadOnlyList<string>? Waits = null)
{
    /// <summary>What the workflow remembers having seen: a relay may hand the same row over twice.</summary>
    public string Key => $"{Row}#{Attempt}";
}

/// <summary>The effects of one or more commits, in commit order, with the stage the case reached.</summary>
internal sealed record RelayedBatch(string Stage, IReadOnlyList<RelayedEffect> Effects);
