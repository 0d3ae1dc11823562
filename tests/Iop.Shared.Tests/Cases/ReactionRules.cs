using Iop.Cases;
using Iop.Screening;
using static Iop.Shared.Tests.Cases.Spec;

namespace Iop.Shared.Tests.Cases;

public sealed class ReactionRules
{
    [Fact]
    public void A_new_initiative_is_acknowledged_and_announced_to_the_coordinator()
    {
        var after = CaseDecider.Replay([Submitted]);

        var effects = CaseReactions.To(Submitted, after).ToList();

        Assert.Equal(
            [
                new MailToInitiator(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", InitiatorMessage.Acknowledgement),
                new NotifyCoordinator(Case, Number, CoordinatorNotice.NewInitiative, "Föreningen Navet", PolicyId: "mora-2023", PolicyVersion: "2023-01-24"),
            ],
            effects);
    }

    [Fact]
    public void A_discontinuation_tells_the_initiator_why_and_where_to_turn()
    {
        var discontinued = new CaseDiscontinued("Ryms i föreningsbidraget.", Alternative.AssociationGrant, Coordinator, Now);

        var effect = Assert.Single(CaseReactions.To(discontinued, CaseDecider.Replay([Submitted, discontinued])));

        Assert.Equal(new MailToInitiator(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", InitiatorMessage.Discontinued, "Ryms i föreningsbidraget.", Alternative.AssociationGrant), effect);
    }

    [Fact]
    public void Screening_on_its_own_sends_nothing() =>
        Assert.Empty(CaseReactions.To(Screened, CaseDecider.Replay([Submitted, Screened])));
}
