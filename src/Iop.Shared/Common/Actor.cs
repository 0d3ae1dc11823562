namespace Iop.Common;

/// <summary>Who did something in a case: the public-records answer to "who did what, and when".</summary>
/// <param name="Id">A stable id: the staff member's object id or e-mail, or the initiator's e-mail.</param>
/// <param name="Name">The display name recorded in the history.</param>
/// <param name="Role">In which capacity they acted.</param>
public sealed record Actor(string Id, string Name, ActorRole Role)
{
    /// <summary>The software itself (timers, automatic reminders).</summary>
    public static Actor System { get; } = new("system", "Iop", ActorRole.System);
}

/// <summary>The capacity in which an <see cref="Actor"/> acted.</summary>
public enum ActorRole
{
    /// <summary>The non-profit's contact person (initiativtagare).</summary>
    Initiator,

    /// <summary>The municipality's IOP coordinator (IOP-samordnare).</summary>
    Coordinator,

    /// <summary>A municipal official answering a request (tjänsteperson).</summary>
    Official,

    /// <summary>The software acting on a timer or rule.</summary>
    System,
}
