using Iop.Common;
using Iop.Policies;
using Iop.Screening;

namespace Iop.Intake;

/// <summary>
/// The raw fields of an initiative as typed into the form or posted to the API. <see cref="Validate"/> turns them
/// into an <see cref="Initiative"/> or into field errors, so the form and the API share one set of rules.
/// </summary>
public sealed record InitiativeForm(
    string? OrganisationName,
    string? OrganisationNumber,
    string? ContactName,
    string? ContactEmail,
    string? ContactPhone,
    string? Challenge,
    string? Idea,
    IReadOnlyDictionary<string, string?>? SelfAssessment = null)
{
    /// <summary>The longest accepted short text (names, e-mail, phone).</summary>
    public const int MaxShortText = 200;

    /// <summary>The longest accepted description.</summary>
    public const int MaxLongText = 8000;

    /// <summary>Checks every field and builds the initiative, or names what is wrong with each field.</summary>
    public Validated<Initiative> Validate(PolicyProfile profile)
    {
        var errors = new List<FieldError>();
        var name = Text(SingleLine.Normalise(OrganisationName), nameof(OrganisationName), MaxShortText, errors);
        var number = Text(SingleLine.Normalise(OrganisationNumber), nameof(OrganisationNumber), MaxShortText, errors);
        if (number.Length > 0 && !Intake.OrganisationNumber.TryParse(number, out _))
        {
            errors.Add(new(nameof(OrganisationNumber), FieldRule.InvalidOrganisationNumber));
        }

        var contact = Text(SingleLine.Normalise(ContactName), nameof(ContactName), MaxShortText, errors);
        var email = Text(SingleLine.Normalise(ContactEmail), nameof(ContactEmail), MaxShortText, errors);
        if (email.Length > 0 && !IsEmail(email))
        {
            errors.Add(new(nameof(ContactEmail), FieldRule.InvalidEmail));
        }

        var phone = Text(SingleLine.Normalise(ContactPhone), nameof(ContactPhone), MaxShortText, errors);
        if (phone.Length > 0 && !IsPhone(phone))
        {
            errors.Add(new(nameof(ContactPhone), FieldRule.InvalidPhone));
        }

        var challenge = Text(Challenge, nameof(Challenge), MaxLongText, errors);
        var idea = Text(Idea, nameof(Idea), MaxLongText, errors);
        var selfAssessment = ReadSelfAssessment(profile, errors);

        if (errors.Count > 0)
        {
            return Validated<Initiative>.Invalid(errors);
        }

        return Validated<Initiative>.Valid(new Initiative(
            name,
            Intake.OrganisationNumber.Parse(number).ToString(),
            new ContactPerson(contact, email, phone),
            challenge,
            idea,
            selfAssessment));
    }

    private ValueList<CriterionAssessment> ReadSelfAssessment(PolicyProfile profile, List<FieldError> errors)
    {
        var answers = new List<CriterionAssessment>();
        foreach (var (criterionId, answer) in SelfAssessment ?? new Dictionary<string, string?>())
        {
            if (string.IsNullOrWhiteSpace(answer))
            {
                continue;
            }

            if (profile.FindCriterion(criterionId) is null || !Enum.TryParse<Assessment>(answer, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                errors.Add(new($"{nameof(SelfAssessment)}.{criterionId}", FieldRule.InvalidChoice));
                continue;
            }

            answers.Add(new CriterionAssessment(criterionId, value, Note: null));
        }

        return answers.OrderBy(a => profile.FindCriterion(a.CriterionId)!.Number).ToValueList();
    }

    private static string Text(string? value, string field, int max, List<FieldError> errors)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            errors.Add(new(field, FieldRule.Required));
        }
        else if (text.Length > max)
        {
            errors.Add(new(field, FieldRule.TooLong, max));
        }
        else if (max == MaxShortText && !PlainText.IsName(text))
        {
            errors.Add(new(field, FieldRule.InvalidCharacters));
        }

        return text;
    }

    private static bool IsEmail(string text) => Email.IsValid(text);

    private static bool IsPhone(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 && text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')');
    }
}
