namespace Iop.Officials;

/// <summary>A named person with an e-mail address: an official, a head, a secretary.</summary>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address (the official's Entra ID sign-in name in Microsoft 365).</param>
public sealed record Person(string Name, string Email)
{
    /// <summary>Whether <paramref name="email"/> is this person's address (addresses compare without case).</summary>
    public bool Is(string? email) => string.Equals(Email.Trim(), email?.Trim(), StringComparison.OrdinalIgnoreCase);
}

/// <summary>Whether an affected organisation is a committee with its administration or a municipal company.</summary>
public enum OrganisationKind
{
    /// <summary>A committee (nämnd) and its administration (förvaltning).</summary>
    Committee,

    /// <summary>A municipal company (kommunalt bolag) and its board (styrelse).</summary>
    Company,
}

/// <summary>
/// A committee or company the case concerns, as the organisation directory described it when the case was scoped:
/// the case keeps this copy, so its history still says whom it asked after the directory changes.
/// </summary>
/// <param name="Id">The directory's stable id.</param>
/// <param name="Name">The committee's or company's name.</param>
/// <param name="Kind">Committee or company.</param>
/// <param name="Head">The head of the administration (förvaltningschef) or the company's CEO (VD): confirms staffing.</param>
/// <param name="Contact">The contact official who represents it in the dialogue and reports its position.</param>
/// <param name="Secretary">The committee's or board's secretary, who records its decision.</param>
public sealed record ScopedOrganisation(string Id, string Name, OrganisationKind Kind, Person Head, Person Contact, Person Secretary);
