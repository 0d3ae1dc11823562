using Iop.Common;
using Iop.Screening;

namespace Iop.Intake;

/// <summary>An initiative (IOP-initiativ) as a non-profit submits it.</summary>
/// <param name="OrganisationName">The non-profit's name.</param>
/// <param name="OrganisationNumber">Its organisation number, as <see cref="Intake.OrganisationNumber"/> prints it.</param>
/// <param name="Contact">The contact person (kontaktperson) who speaks for the initiative.</param>
/// <param name="Challenge">The societal challenge (samhällsutmaning) as the organisation sees it.</param>
/// <param name="Idea">How the organisation wants to meet it together with the municipality.</param>
/// <param name="SelfAssessment">The organisation's own view of the checklist; may be empty.</param>
public sealed record Initiative(
    string OrganisationName,
    string OrganisationNumber,
    ContactPerson Contact,
    string Challenge,
    string Idea,
    ValueList<CriterionAssessment> SelfAssessment);

/// <summary>The initiative's contact person.</summary>
public sealed record ContactPerson(string Name, string Email, string Phone);
