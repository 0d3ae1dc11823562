using System.Text.Json.Serialization;
using Iop.Screening;

namespace Iop.Cases;

/// <summary>
/// Something that must happen outside the case because of new events: a message, a notification.
/// Effects are stored in the case's outbox in the same transaction as the events, then delivered at least once.
/// The discriminators are stored: never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MailToInitiator), "mail-to-initiator")]
[JsonDerivedType(typeof(NotifyCoordinator), "notify-coordinator")]
public abstract record Effect(CaseId Case, RegistrationNumber Number);

/// <summary>An e-mail to the initiative's contact person.</summary>
public sealed record MailToInitiator(
    CaseId Case,
    RegistrationNumber Number,
    string ToName,
    string ToEmail,
    string OrganisationName,
    InitiatorMessage Message,
    string? Reason = null,
    Alternative Alternative = Alternative.None) : Effect(Case, Number);

/// <summary>A notification to the IOP coordinator (Teams in production).</summary>
public sealed record NotifyCoordinator(CaseId Case, RegistrationNumber Number, CoordinatorNotice Notice, string OrganisationName) : Effect(Case, Number);

/// <summary>The messages the initiator receives.</summary>
public enum InitiatorMessage
{
    /// <summary>The initiative was received and registered (mottagningsbekräftelse).</summary>
    Acknowledgement,

    /// <summary>The case was discontinued, with the reason.</summary>
    Discontinued,
}

/// <summary>What the coordinator is told about.</summary>
public enum CoordinatorNotice
{
    /// <summary>A new initiative arrived.</summary>
    NewInitiative,
}
