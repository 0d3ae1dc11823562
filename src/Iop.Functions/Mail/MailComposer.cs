using System.Net;
using System.Text;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Hosting;
using Iop.Messaging;
using Iop.Screening;
using Microsoft.Extensions.Options;

namespace Iop.Functions.Mail;

/// <summary>
/// Writes the messages the case sends, in Swedish (the initiator's and the coordinator's language): plain text and
/// an HTML body made of the same escaped paragraphs, the registration number in every subject, replies to the coordinator.
/// </summary>
internal sealed class MailComposer(IOptions<IopOptions> options)
{
    private IopOptions Settings => options.Value;

    public MailMessage Compose(MailToInitiator mail) => mail.Message switch
    {
        InitiatorMessage.Acknowledgement => Message(
            mail,
            $"Vi har tagit emot ert IOP-initiativ – {mail.Number}",
            $"Hej {mail.ToName}!",
            $"Tack för initiativet från {mail.OrganisationName}. Det har registrerats hos {Settings.Municipality} med diarienummer {mail.Number}. Ange gärna diarienumret när ni kontaktar oss om initiativet.",
            "IOP-samordnaren går nu igenom initiativet mot kommunens checklista för idéburet offentligt partnerskap och hör av sig till er om ett första möte."),
        InitiatorMessage.Discontinued => Message(
            mail,
            $"Ert IOP-initiativ går inte vidare – {mail.Number}",
            $"Hej {mail.ToName}!",
            $"Vi har gått igenom initiativet från {mail.OrganisationName} (diarienummer {mail.Number}) och kommit fram till att en fortsatt process mot ett idéburet offentligt partnerskap inte är aktuell.",
            $"Skäl: {mail.Reason}",
            AlternativeAdvice(mail.Alternative)),
        _ => throw new InvalidOperationException($"No text for {mail.Message}."),
    };

    public CoordinatorNotification Compose(NotifyCoordinator notice) => notice.Notice switch
    {
        CoordinatorNotice.NewInitiative => new CoordinatorNotification(
            $"Nytt IOP-initiativ: {notice.OrganisationName}",
            $"Initiativet har registrerats som {notice.Number} och väntar på bedömning mot checklistan.",
            notice.Number.Value,
            CaseUrl(notice.Case)),
        _ => throw new InvalidOperationException($"No text for {notice.Notice}."),
    };

    public Uri CaseUrl(CaseId id) => new(Settings.PublicBaseUrl!, $"/arenden/{id}");

    private MailMessage Message(MailToInitiator mail, string subject, string greeting, params string?[] paragraphs)
    {
        string[] body =
        [
            greeting,
            .. paragraphs.Where(p => !string.IsNullOrWhiteSpace(p))!,
            $"Vänliga hälsningar\n{Settings.CoordinatorName}\n{Settings.Municipality}",
            "Det här meddelandet skickades automatiskt. Om ni svarar på det går svaret till IOP-samordnaren.",
        ];
        var text = string.Join("\n\n", body);
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"sv\"><body>");
        foreach (var paragraph in body)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        html.Append("</body></html>");
        return new MailMessage(
            ValueList.Of(new MailAddress(mail.ToName, mail.ToEmail)),
            subject,
            text,
            html.ToString(),
            new MailAddress(Settings.CoordinatorName, Settings.CoordinatorMailbox));
    }

    private static string? AlternativeAdvice(Alternative alternative) => alternative switch
    {
        Alternative.AssociationGrant => "Verksamheten kan i stället passa för kommunens föreningsbidrag. Kontakta oss gärna så berättar vi mer.",
        Alternative.Procurement => "Verksamheten bedöms höra till en marknad där kommunen i stället köper tjänster genom upphandling.",
        _ => null,
    };
}
