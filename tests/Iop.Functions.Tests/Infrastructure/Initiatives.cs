namespace Iop.Functions.Tests.Infrastructure;

/// <summary>Form fields of initiatives, valid unless a test changes them.</summary>
public static class Initiatives
{
    /// <summary>A real-format organisation number with a correct check digit.</summary>
    public const string ValidOrganisationNumber = "802012-3454";

    public static Dictionary<string, string> ValidForm(Guid submissionId, string organisation = "Föreningen Navet") => new()
    {
        ["Input.SubmissionId"] = submissionId.ToString(),
        ["Input.OrganisationName"] = organisation,
        ["Input.OrganisationNumber"] = ValidOrganisationNumber,
        ["Input.ContactName"] = "Karin Ek",
        ["Input.ContactEmail"] = "karin.ek@navet.example",
        ["Input.ContactPhone"] = "0250-123 45",
        ["Input.Challenge"] = "Ofrivillig ensamhet bland äldre i Mora.",
        ["Input.Idea"] = "Träffpunkter drivna av frivilliga, med lokaler från kommunen.",
        ["Input.SelfAssessment[own-initiative]"] = "Met",
    };

    public static object ValidApiRequest(Guid? submissionId = null, string organisation = "Föreningen Navet") => new
    {
        submissionId,
        organisationName = organisation,
        organisationNumber = ValidOrganisationNumber,
        contactName = "Karin Ek",
        contactEmail = "karin.ek@navet.example",
        contactPhone = "0250-123 45",
        challenge = "Ofrivillig ensamhet bland äldre i Mora.",
        idea = "Träffpunkter drivna av frivilliga.",
        selfAssessment = new Dictionary<string, string> { ["own-initiative"] = "Met" },
    };
}
