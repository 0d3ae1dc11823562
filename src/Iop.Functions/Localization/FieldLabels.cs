using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Localization;

/// <summary>The initiative form's field names as users read them; the API's problem details use the same words.</summary>
internal static class FieldLabels
{
    public static string For(string field) => field switch
    {
        "OrganisationName" => T("Organisationens namn", "Organisation name"),
        "OrganisationNumber" => T("Organisationsnummer", "Organisation number"),
        "ContactName" => T("Kontaktpersonens namn", "Contact person's name"),
        "ContactEmail" => T("E-postadress", "E-mail address"),
        "ContactPhone" => T("Telefonnummer", "Phone number"),
        "Challenge" => T("Samhällsutmaningen", "The societal challenge"),
        "Idea" => T("Er idé", "Your idea"),
        _ => T("Självskattningen", "The self-assessment"),
    };
}
