namespace Iop.Messaging;

/// <summary>A short notice to the IOP coordinator: what happened, in which case, and where to look.</summary>
/// <param name="Title">One line saying what happened.</param>
/// <param name="Text">A sentence or two of detail.</param>
/// <param name="CaseNumber">The case's registration number.</param>
/// <param name="CaseUrl">The case page.</param>
public sealed record CoordinatorNotification(string Title, string Text, string CaseNumber, Uri CaseUrl);
