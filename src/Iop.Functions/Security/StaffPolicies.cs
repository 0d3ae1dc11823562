namespace Iop.Functions.Security;

/// <summary>Who may do what among staff.</summary>
internal static class StaffPolicies
{
    /// <summary>The IOP coordinator (IOP-samordnare): owns every case.</summary>
    public const string Coordinator = "Coordinator";

    /// <summary>The coordinator through the API: signed in with the cookie, or an Entra ID bearer token with the app role.</summary>
    public const string ApiCoordinator = "ApiCoordinator";

    /// <summary>Any signed-in member of staff: officials answering requests from their e-mail.</summary>
    public const string Staff = "Staff";

    /// <summary>The Entra ID app role (and development sign-in role) that grants <see cref="Coordinator"/>.</summary>
    public const string CoordinatorRole = "Iop.Coordinator";
}
