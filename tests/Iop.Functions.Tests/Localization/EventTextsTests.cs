using Iop.Common;
using Iop.Functions.Localization;

namespace Iop.Functions.Tests.Localization;

public sealed class EventTextsTests
{
    [Fact]
    public void The_timeline_names_people_and_says_what_the_system_did_on_its_own()
    {
        Assert.Equal("systemet (automatiskt)", EventTexts.Who(Actor.System));
        Assert.Equal("Saga Samordnare", EventTexts.Who(new Actor("saga@mora.example", "Saga Samordnare", ActorRole.Coordinator)));
    }

    [Fact]
    public void A_rewritten_section_is_named_by_its_title()
    {
        var policy = Tests.Infrastructure.TestCases.Policy;
        var section = policy.AgreementSections.Single(s => s.Id == "goals");

        var line = EventTexts.Describe(new Iop.Agreements.AgreementSectionEdited("goals", "Färre ensamma äldre.", Actor.System, DateTimeOffset.UnixEpoch), policy);

        Assert.Equal($"Avsnittet \"{section.Title.Sv}\" i överenskommelsen skrevs om.", line);
    }
}
