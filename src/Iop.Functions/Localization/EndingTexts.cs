using Iop.Agreements;
using Iop.Partnerships;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Localization;

/// <summary>The words for ending a partnership and for its disputes: the parties, the ladder's rungs, how it ended.</summary>
internal static class EndingTexts
{
    /// <summary>A party as the middle of a sentence names it: "kommunen", "organisationen".</summary>
    public static string PartyName(Party party) => party == Party.Municipality ? T("kommunen", "the municipality") : T("organisationen", "the organisation");

    /// <summary>A party as a choice in a form: "Kommunen", "Organisationen".</summary>
    public static string PartyChoice(Party party) => party == Party.Municipality ? T("Kommunen", "The municipality") : T("Organisationen", "The organisation");

    /// <summary>A rung of the escalation ladder.</summary>
    public static string LevelName(DisputeLevel level) => level switch
    {
        DisputeLevel.Dialogue => T("Dialog mellan kontaktpersonerna", "Dialogue between the contact persons"),
        DisputeLevel.SteeringGroup => T("Styrgruppen", "The steering group"),
        DisputeLevel.Committee => T("Ansvarig nämnd", "The responsible committee"),
        _ => level.ToString(),
    };

    /// <summary>How a partnership ended; for cases ended before the kind was kept, only that it ended.</summary>
    public static string KindName(EndingKind? kind) => kind switch
    {
        EndingKind.Ended => T("Avslutat av IOP-samordnaren", "Recorded as ended by the IOP coordinator"),
        EndingKind.TermExpired => T("Avtalstiden löpte ut", "The term ran out"),
        EndingKind.Notice => T("Uppsagt – uppsägningstiden löpte ut", "Notice given – the notice period ran out"),
        EndingKind.Rescission => T("Avtalet hävdes", "The agreement was rescinded"),
        _ => T("Avslutat", "Ended"),
    };
}
