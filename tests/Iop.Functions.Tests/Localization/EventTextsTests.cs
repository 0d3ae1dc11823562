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
}
