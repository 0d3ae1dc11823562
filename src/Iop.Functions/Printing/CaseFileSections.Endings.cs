using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Partnerships;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Printing;

/// <summary>Notice, rescission and the disputes between the parties: a section only when there is any.</summary>
internal static partial class CaseFileSections
{
    /// <summary>
    /// Every notice and rescission from the history (an ended partnership no longer holds its notice) and every dispute
    /// with each rung it reached; nothing when the partnership has none.
    /// </summary>
    public static IEnumerable<PrintedSection> Endings(CaseFile file, IReadOnlyList<RecordedEvent> history)
    {
        var blocks = new List<PrintedBlock>();
        foreach (var e in history.Select(h => h.Event))
        {
            switch (e)
            {
                case NoticeGiven { Notice: var notice }:
                    blocks.Add(new Subheading(T("Uppsägning", "Notice")));
                    blocks.Add(new FactList(
                    [
                        new(T("Uppsagt av", "Given by"), EndingTexts.PartyChoice(notice.GivenBy)),
                        new(T("Uppsägningen gavs", "Given on"), Date(notice.GivenOn)),
                        new(T("Avtalet upphör", "The agreement ends"), Date(notice.EndsOn)),
                        new(T("Skäl", "Reason"), notice.Reason),
                        new(T("Registrerad", "Recorded"), Recorded(e)),
                    ]));
                    break;
                case PartnershipEnded { Kind: EndingKind.Rescission } rescinded:
                    blocks.Add(new Subheading(T("Hävning", "Rescission")));
                    blocks.Add(new FactList(
                    [
                        new(T("Avtalet upphörde", "The agreement ended"), rescinded.EndedOn is { } on ? Date(on) : SwedishTime.FormatDate(rescinded.At)),
                        new(T("Skäl", "Reason"), rescinded.Reason),
                        new(T("Registrerad", "Recorded"), Recorded(e)),
                    ]));
                    break;
            }
        }

        foreach (var dispute in file.Disputes)
        {
            blocks.Add(new Subheading(T($"Tvist väckt av {EndingTexts.PartyName(dispute.RaisedBy)} {Date(dispute.Steps[0].On)}", $"Dispute raised by {EndingTexts.PartyName(dispute.RaisedBy)} on {Date(dispute.Steps[0].On)}")));
            blocks.Add(new FactList(
            [
                new(T("Gäller", "Subject"), dispute.Subject),
                dispute.IsOpen
                    ? new(T("Läge", "Status"), T($"Pågår – hos {EndingTexts.LevelName(dispute.Level).ToLowerInvariant()}", $"Open – with {EndingTexts.LevelName(dispute.Level).ToLowerInvariant()}"))
                    : new(T("Avgjord", "Settled"), $"{Date(dispute.ResolvedOn!.Value)}: {dispute.Outcome}"),
            ]));
            blocks.Add(new TableBlock(
                [new(T("Steg", "Rung"), 2), new(T("Datum", "Date"), 1.2), new(T("Beskrivning", "Description"), 4)],
                [.. dispute.Steps.Select(s => (IReadOnlyList<string>)[EndingTexts.LevelName(s.Level), Date(s.On), s.Text])]));
        }

        if (blocks.Count > 0)
        {
            yield return new("endings", T("Uppsägning, hävning och tvister", "Notice, rescission and disputes"), blocks);
        }
    }

    private static string Recorded(CaseEvent e) => T($"{SwedishTime.Format(e.At)} av {e.By.Name}", $"{SwedishTime.Format(e.At)} by {e.By.Name}");
}
