using Iop.Common;
using Iop.Intake;
using Iop.Policies;
using Iop.Screening;

namespace Iop.Shared.Tests.Intake;

public sealed class InitiativeFormTests
{
    private static readonly PolicyProfile Policy = PolicyProfileLoader.LoadBuiltIn();

    private static InitiativeForm Valid => new(
        " Föreningen Navet ", "8020123454", "Karin Ek", "karin.ek@navet.example", "0250-123 45", "Ensamhet.", "Träffpunkter.",
        new Dictionary<string, string?> { ["no-market"] = "Unclear", ["own-initiative"] = "met", ["long-term"] = "" });

    [Theory]
    [InlineData("802012-3454")]
    [InlineData("8020123454")]
    [InlineData("16802012-3454")]
    [InlineData("802477-8410")]
    [InlineData("556677-8899")]
    public void A_valid_organisation_number_is_accepted(string text)
    {
        Assert.True(OrganisationNumber.TryParse(text, out var number));
        Assert.Equal(10, number!.Digits.Length);
    }

    [Theory]
    [InlineData("802012-3456")]
    [InlineData("802012-345")]
    [InlineData("80201234540")]
    [InlineData("80201A-3454")]
    [InlineData("")]
    [InlineData(null)]
    public void An_organisation_number_with_a_wrong_check_digit_or_shape_is_rejected(string? text) =>
        Assert.False(OrganisationNumber.TryParse(text, out _));

    [Fact]
    public void A_valid_form_becomes_an_initiative_with_normalised_values()
    {
        var initiative = Valid.Validate(Policy).Value!;

        Assert.Equal("Föreningen Navet", initiative.OrganisationName);
        Assert.Equal("802012-3454", initiative.OrganisationNumber);
        Assert.Equal(
            ValueList.Of(new CriterionAssessment("own-initiative", Assessment.Met, null), new CriterionAssessment("no-market", Assessment.Unclear, null)),
            initiative.SelfAssessment);
    }

    [Fact]
    public void Names_and_addresses_are_stored_on_one_line_whatever_was_pasted()
    {
        var initiative = (Valid with { OrganisationName = "Föreningen\r\nNavet\t", ContactName = "Karin  Ek\nBcc: x@y.example" }).Validate(Policy).Value!;
        var refused = (Valid with { ContactName = "Karin\u202E Ek", ContactPhone = "0250-\u0000123 45" }).Validate(Policy).Errors;

        Assert.Equal("Föreningen Navet", initiative.OrganisationName);
        Assert.Equal("Karin Ek Bcc: x@y.example", initiative.Contact.Name);
        Assert.Equal("Träffpunkter.", initiative.Idea);
        Assert.Contains(refused, e => e is { Field: "ContactName", Rule: FieldRule.InvalidCharacters });
        Assert.Contains(refused, e => e is { Field: "ContactPhone", Rule: FieldRule.InvalidCharacters });
    }

    [Theory]
    [InlineData("  Karin   Ek ", "Karin Ek")]
    [InlineData("Karin\r\nEk", "Karin Ek")]
    [InlineData("\u200BKarin\u202EEk\u2028", "\u200BKarin\u202EEk")]
    [InlineData("\t\n", "")]
    [InlineData(null, "")]
    public void A_single_line_keeps_the_words_and_nothing_that_breaks_a_line(string? text, string expected) =>
        Assert.Equal(expected, SingleLine.Normalise(text));

    [Fact]
    public void A_clean_line_for_a_header_has_nothing_invisible() =>
        Assert.Equal("Karin Ek", SingleLine.Clean("\u200BKarin\u202E\u0000 Ek\r\n"));

    [Fact]
    public void Every_bad_field_is_reported_with_its_rule()
    {
        var form = new InitiativeForm(
            "", "802012-3456", new string('x', InitiativeForm.MaxShortText + 1), "karin@", "ring mig", "  ", "Idé",
            new Dictionary<string, string?> { ["no-market"] = "Kanske", ["bogus"] = "Met" });

        var errors = form.Validate(Policy).Errors;

        Assert.Equal(
            [
                new FieldError("OrganisationName", FieldRule.Required),
                new FieldError("OrganisationNumber", FieldRule.InvalidOrganisationNumber),
                new FieldError("ContactName", FieldRule.TooLong, InitiativeForm.MaxShortText),
                new FieldError("ContactEmail", FieldRule.InvalidEmail),
                new FieldError("ContactPhone", FieldRule.InvalidPhone),
                new FieldError("Challenge", FieldRule.Required),
                new FieldError("SelfAssessment.no-market", FieldRule.InvalidChoice),
                new FieldError("SelfAssessment.bogus", FieldRule.InvalidChoice),
            ],
            errors);
    }

    [Theory]
    [InlineData("Karin\u202Efdp.exe")]
    [InlineData("Karin\u0000Ek")]
    [InlineData("Karin\u001B[2J")]
    [InlineData("Karin \uFFFD")]
    public void A_name_with_control_or_direction_characters_is_refused(string name)
    {
        var errors = (Valid with { OrganisationName = name, ContactName = name }).Validate(Policy).Errors;

        Assert.Equal([new FieldError("OrganisationName", FieldRule.InvalidCharacters), new FieldError("ContactName", FieldRule.InvalidCharacters)], errors);
    }

    [Theory]
    [InlineData("karin.ek@navet.example", true)]
    [InlineData("Karin <karin@navet.example>", false)]
    [InlineData("karin@localhost", false)]
    [InlineData("karin@navet.", false)]
    public void Only_a_plain_address_counts_as_an_email(string email, bool valid) =>
        Assert.Equal(valid, (Valid with { ContactEmail = email }).Validate(Policy).IsValid);
}
