using System.Text;
using AngleSharp.Html.Parser;
using Iop.Cases;
using Iop.Common;
using Iop.Functions.Mail;
using Iop.Functions.Portal;
using Iop.Functions.Tests.Infrastructure;
using Iop.Messaging;
using Iop.Officials;
using Iop.Screening;
using MimeKit;

namespace Iop.Functions.Tests.Mail;

/// <summary>
/// Every kind of mail the product sends, checked on the raw bytes it hands to Graph (and to the local outbox's
/// <c>.eml</c>) against RFC 5322 and 2045, and its HTML read by a real HTML5 parser (AngleSharp).
/// </summary>
public sealed class MailConformanceTests
{
    private static readonly CaseId Case = new(Guid.Parse("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"));
    private static readonly RegistrationNumber Number = new("KS 2026/7", 2026, 7);
    private static readonly DateTimeOffset Due = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A name pasted with a line break and a header after it, as a hostile or careless form could send it.</summary>
    private const string PastedName = "Karin Ek\r\nBcc: evil@example.com";

    private static readonly MailComposer Composer = new(
        Microsoft.Extensions.Options.Options.Create(new Hosting.IopOptions
        {
            Municipality = "Mora kommun",
            PublicBaseUrl = new Uri("https://iop.mora.example/"),
            CoordinatorMailbox = "iop-samordnare@mora.example",
            CoordinatorName = "Saga Samordnare",
            CoordinatorPhone = "0250-260 00",
        }),
        TestCases.Policies,
        new PortalTokens(TestCases.Portal));

    public static TheoryData<string, MailMessage, string?> Mails()
    {
        var longComment = string.Join(" ", Enumerable.Repeat("Protokollet saknar underskrift av justeraren och bilagan med verksamhetsberättelsen är inte med.", 20));
        var notice = new CoordinatorNotification("Veckans IOP-ärenden: 3 öppna, 1 försenat", "Föreningen Navet (KS 2026/7) väntar på stadgar sedan 12 dagar.", Number.Value, Composer.CaseUrl(Case));
        var decision = Composer.Compose(new MailToOfficial(Case, Number, "decision-kf", RequestKind.CommitteeDecision, 1, "Eva Sekreterare", "eva@mora.example", "Föreningen Navet", "Kommunfullmäktige", Due, Due.AddDays(30), false))
            with
        { Attachments = ValueList.Of(new MailAttachment("överenskommelse KS 2026-7.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", new byte[5000])) };
        return new()
        {
            { "acknowledgement", Composer.Compose(new MailToInitiator(Case, Number, PastedName, "karin.ek@navet.example", "Föreningen Navet", InitiatorMessage.Acknowledgement)), null },
            { "discontinued", Composer.Compose(new MailToInitiator(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", InitiatorMessage.Discontinued, longComment, Alternative.AssociationGrant)), null },
            { "partnership-active", Composer.Compose(new MailToInitiator(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", InitiatorMessage.PartnershipActive)), null },
            { "portal-link", Composer.Compose(new SendPortalLink(Case, Number, PastedName, "karin.ek@navet.example", "Föreningen Navet", "token-1", Due.AddDays(90))), "/portal/" },
            { "reminder", Composer.Compose(new RemindInitiator(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", ValueList.Of(new ItemDue("statutes", Due), new ItemDue("declaration", Due)), "token-1", Due.AddDays(90))), "/portal/" },
            { "completion", Composer.Compose(new AskForCompletion(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", "statutes", longComment, Due, "token-1", Due.AddDays(90))), "/portal/" },
            { "yearly-report-request", Composer.Compose(new SendReportLink(Case, Number, PastedName, "karin.ek@navet.example", "Föreningen Navet", 2026, 1, Due, Due.AddDays(90), false)), "/arsrapport/" },
            { "yearly-report-reminder", Composer.Compose(new SendReportLink(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", 2026, 2, Due, Due.AddDays(90), true)), "/arsrapport/" },
            { "procurement-request", Composer.Compose(new MailToOfficial(Case, Number, "procurement", RequestKind.ProcurementOpinion, 1, "Per Upphandlare", "per@mora.example", "Föreningen Navet", "Upphandlingsenheten", Due, Due.AddDays(30), false)), "/svar/" },
            { "staffing-reminder", Composer.Compose(new MailToOfficial(Case, Number, "staffing-socialnamnden", RequestKind.StaffingConfirmation, 2, "Helena Sjöberg", "helena@mora.example", "Föreningen Navet", "Socialnämnden", Due, Due.AddDays(30), true)), "/svar/" },
            { "position-request", Composer.Compose(new MailToOfficial(Case, Number, "position-socialnamnden", RequestKind.InternalPosition, 1, "Helena Sjöberg", "helena@mora.example", "Föreningen Navet", "Socialnämnden", Due, Due.AddDays(30), false)), "/svar/" },
            { "decision-request-with-agreement", decision, "/svar/" },
            { "digest-to-coordinator", Composer.ToCoordinator(notice), "/arenden/" },
            { "failure-to-coordinator", Composer.ToCoordinator(Composer.ComposeFailure(new MailToInitiator(Case, Number, "Karin Ek", "karin.ek@navet.example", "Föreningen Navet", InitiatorMessage.Acknowledgement), "Mailbox unavailable")), "/arenden/" },
        };
    }

    [Theory]
    [MemberData(nameof(Mails))]
    public void The_raw_message_is_7_bit_with_CRLF_short_lines_and_clean_headers(string kind, MailMessage mail, string? _)
    {
        var raw = MimeWriter.Write(mail, "iop@mora.example", $"{Case}/3/0");

        Assert.True(raw.All(b => b < 0x80), $"{kind}: every octet is 7-bit, so every part that is not 7-bit text declares its encoding");
        for (var i = 0; i < raw.Length; i++)
        {
            Assert.False(raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'), $"{kind}: a bare LF at octet {i}");
            Assert.False(raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n'), $"{kind}: a bare CR at octet {i}");
        }

        var text = Encoding.ASCII.GetString(raw);
        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.True(line.Length <= 998, $"{kind}: a line of {line.Length} octets (RFC 5322 allows 998): {line}"));
        var bodyLines = lines.Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, @"^([A-Za-z0-9-]+:|[ \t])"));
        Assert.All(bodyLines, line => Assert.True(line.Length <= 78, $"{kind}: a body line of {line.Length} octets: {line}"));
        var headerEnd = Array.IndexOf(lines, "");
        var headers = lines[..headerEnd];
        Assert.DoesNotContain(headers, h => h.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.All(headers, h => Assert.DoesNotContain(h, c => c < ' ' && c != '\t'));
        Assert.Contains("Auto-Submitted: auto-generated", headers);

        // Every part's own headers: text is quoted-printable, files base64.
        var parts = text.Split("\r\n--").Skip(1).Where(p => p.Contains("Content-Type:", StringComparison.OrdinalIgnoreCase) && !p.Contains("multipart/", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(parts);
        Assert.All(parts, part =>
        {
            var partHeaders = part[..part.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
            var encoding = partHeaders.Contains("Content-Type: text/", StringComparison.OrdinalIgnoreCase) ? "quoted-printable" : "base64";
            Assert.Contains($"Content-Transfer-Encoding: {encoding}", partHeaders, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [MemberData(nameof(Mails))]
    public void The_HTML_says_who_about_which_case_and_links_its_action_and_the_text_says_the_same(string kind, MailMessage mail, string? action)
    {
        var parsed = MimeMessage.Load(new MemoryStream(MimeWriter.Write(mail, "iop@mora.example", $"{Case}/3/0")));
        var document = new HtmlParser().ParseDocument(parsed.HtmlBody!);
        var visible = document.Body!.TextContent;

        Assert.Equal("sv", document.DocumentElement.GetAttribute("lang"));
        Assert.Empty(document.QuerySelectorAll("script, style, link, img, form"));
        Assert.All(document.QuerySelectorAll("p, td"), e => Assert.NotNull(e.GetAttribute("style")));
        Assert.Contains("Mora kommun", visible, StringComparison.Ordinal);
        Assert.Contains("KS 2026/7", visible, StringComparison.Ordinal);
        Assert.Contains("iop-samordnare@mora.example", visible, StringComparison.Ordinal);
        Assert.Contains("iop-samordnare@mora.example", parsed.TextBody, StringComparison.Ordinal);
        Assert.Contains("KS 2026/7", parsed.TextBody, StringComparison.Ordinal);
        Assert.Single(parsed.To.Mailboxes);
        Assert.Empty(parsed.Bcc);
        if (action is null)
        {
            Assert.Empty(document.QuerySelectorAll("a"));
            return;
        }

        var links = document.QuerySelectorAll("a[href]").Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent)).ToList();
        var href = Assert.Single(links.Select(l => l.Href).Distinct());
        Assert.StartsWith("https://iop.mora.example" + action, href, StringComparison.Ordinal);
        Assert.Contains(links, l => l.Text == href);
        Assert.Contains(links, l => l.Text.Length is > 3 and < 30);
        Assert.Contains(href, parsed.TextBody, StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(href, UriKind.Absolute, out _), kind);
    }

    [Fact]
    public void A_pasted_name_reaches_the_header_on_one_line()
    {
        var parsed = MimeMessage.Load(new MemoryStream(MimeWriter.Write(Composer.Compose(new MailToInitiator(Case, Number, PastedName, "karin.ek@navet.example", "Föreningen Navet", InitiatorMessage.Acknowledgement)), "iop@mora.example", "k")));

        var to = Assert.Single(parsed.To.Mailboxes);
        Assert.Equal(("Karin Ek Bcc: evil@example.com", "karin.ek@navet.example"), (to.Name, to.Address));
        Assert.Empty(parsed.Bcc);
        Assert.StartsWith("Hej Karin Ek Bcc: evil@example.com!", parsed.TextBody, StringComparison.Ordinal);
    }
}
