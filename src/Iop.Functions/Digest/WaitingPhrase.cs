using Iop.Cases;
using Iop.Vetting;

namespace Iop.Functions.Digest;

/// <summary>What an open case waits for, and from whom, as one Swedish phrase for the coordinator's digest.</summary>
internal static class WaitingPhrase
{
    /// <summary>The stage's phrase, then every open request to an official by name: the people the case waits on.</summary>
    public static string Describe(RegisteredCase state)
    {
        var open = state.File.Requests.Where(r => r.IsOpen)
            .Select(r => $"{r.Addressee.Name} ({Mail.MailComposer.KindName(r.Kind).ToLowerInvariant()}, {r.OrganisationName}, senast {Localization.SwedishTime.FormatDateLong(r.DueAt)})")
            .ToList();
        return open.Count == 0 ? StagePhrase(state) : $"{StagePhrase(state)}; väntar på svar från {string.Join(", ", open)}";
    }

    private static string StagePhrase(RegisteredCase state) => state switch
    {
        Received or InScreening => "IOP-samordnaren: bedömning mot checklistan",
        AtFirstMeeting => "IOP-samordnaren: första möte med initiativtagarna",
        InPartnerVetting vetting => Vetting(vetting.Vetting),
        InScoping => "IOP-samordnaren: berörda nämnder och bolag",
        AtStakeholderMeeting => "IOP-samordnaren: dialogmöte med berörda",
        InInternalDiscussion => "Berörda förvaltningar och bolag: intern diskussion",
        AtFollowUpMeeting => "IOP-samordnaren: uppföljningsmöte med tjänstepersonerna",
        InAgreementDrafting => "IOP-samordnaren och organisationen: avtalsskrivning",
        AwaitingCommitteeDecision { Approved: true } => "IOP-samordnaren: underskrifter",
        AwaitingCommitteeDecision => "Berörda nämnder: beslut",
        _ => "–",
    };

    private static string Vetting(Vetting.Vetting vetting)
    {
        var toReview = vetting.Requests.Count(r => r.Status == RequestStatus.Submitted);
        var outstanding = vetting.Outstanding().ToList();
        var parts = new List<string>();
        if (outstanding.Count > 0)
        {
            var first = outstanding.Min(o => o.DueAt);
            parts.Add($"organisationen: {outstanding.Count} uppgift(er), först senast {Localization.SwedishTime.FormatDateLong(first)}");
        }

        if (toReview > 0)
        {
            parts.Add($"IOP-samordnaren: granska {toReview} svar");
        }

        return parts.Count == 0 ? "IOP-samordnaren: avsluta kontrollen" : string.Join("; ", parts);
    }
}
