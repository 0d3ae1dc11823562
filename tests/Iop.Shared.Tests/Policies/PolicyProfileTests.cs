using System.Text.Json.Nodes;
using Iop.Policies;

namespace Iop.Shared.Tests.Policies;

public sealed class PolicyProfileTests
{
    private static JsonObject MoraJson()
    {
        using var stream = typeof(PolicyProfileLoader).Assembly.GetManifestResourceStream("Iop.Policies.Profiles.mora-2023.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static IReadOnlyList<string> ErrorsOf(JsonObject json)
    {
        var (profile, errors) = PolicyProfileLoader.Parse(json.ToJsonString());
        Assert.Null(profile);
        return errors;
    }

    [Fact]
    public void Moras_guideline_is_the_default_profile()
    {
        var mora = PolicyProfileLoader.LoadBuiltIn();

        Assert.Equal("mora-2023", mora.Id);
        Assert.Equal(9, mora.Checklist.Count);
        Assert.Equal(["no-market"], mora.Checklist.Where(c => c.RequiresProcurementOpinion).Select(c => c.Id));
        Assert.Equal(7, mora.FindCriterion("no-market")!.Number);
        Assert.Equal(8, mora.Documents.Count);
        Assert.True(mora.Documents.Single(d => d.Id == "statutes").MustShowDemocraticGovernance);
        Assert.Equal(14, mora.AgreementSections.Count);
        Assert.Equal("Omförhandling, uppsägning, hävning och tvist", mora.AgreementSections[^1].Title.Sv);
        Assert.Contains("6. motarbetar det demokratiska styrelseskicket", mora.Declaration!.Text, StringComparison.Ordinal);
        Assert.Equal(21, mora.Reminders.DueDays);
    }

    [Fact]
    public void A_criterion_without_its_Swedish_text_is_named_in_the_error()
    {
        var json = MoraJson();
        json["checklist"]![2]!["text"]!["sv"] = " ";

        Assert.Contains("checklist[2].text.sv: is required", ErrorsOf(json));
    }

    [Fact]
    public void A_missing_property_is_named_in_the_error()
    {
        var json = MoraJson();
        json.Remove("declaration");

        Assert.Contains(ErrorsOf(json), e => e.Contains("declaration", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_unknown_property_is_named_in_the_error()
    {
        var json = MoraJson();
        json["checklist"]![0]!["weight"] = 3;

        Assert.Contains(ErrorsOf(json), e => e.StartsWith("checklist[0]", StringComparison.Ordinal) && e.Contains("weight", StringComparison.Ordinal));
    }

    [Fact]
    public void Duplicate_ids_and_bad_numbering_are_named()
    {
        var json = MoraJson();
        json["documents"]![1]!["id"] = "statutes";
        json["checklist"]![4]!["number"] = 9;

        var errors = ErrorsOf(json);

        Assert.Contains("documents: the id 'statutes' is used more than once", errors);
        Assert.Contains(errors, e => e.StartsWith("checklist[4].number", StringComparison.Ordinal));
    }

    [Fact]
    public void Nonsense_reminder_days_are_named()
    {
        var json = MoraJson();
        json["reminders"]!["dueDays"] = -1;

        Assert.Contains(ErrorsOf(json), e => e.StartsWith("reminders.dueDays", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_way_of_counting_days_is_named()
    {
        var json = MoraJson();
        json["reminders"]!["dayCount"] = "bankdagar";

        Assert.Contains("reminders.dayCount: must be 'calendar' or 'working', not 'bankdagar'", ErrorsOf(json));
    }

    [Fact]
    public void Days_are_calendar_days_unless_the_profile_says_working_days()
    {
        Assert.Equal(ReminderCadence.CalendarDays, PolicyProfileLoader.LoadBuiltIn().Reminders.DayCount);

        var json = MoraJson();
        json["reminders"]!["dayCount"] = "working";
        Assert.Equal(ReminderCadence.WorkingDays, PolicyProfileLoader.ParseOrThrow(json.ToJsonString(), "test.json").Reminders.DayCount);
    }

    [Fact]
    public void An_invalid_profile_stops_with_an_exception_naming_the_field()
    {
        var json = MoraJson();
        json["agreementSections"] = new JsonArray();

        var error = Assert.Throws<InvalidPolicyProfileException>(() => PolicyProfileLoader.ParseOrThrow(json.ToJsonString(), "test.json"));

        Assert.Contains("test.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("agreementSections: needs at least one section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_an_error_not_a_crash() =>
        Assert.NotEmpty(PolicyProfileLoader.Parse("{ \"id\": ").Errors);
}
