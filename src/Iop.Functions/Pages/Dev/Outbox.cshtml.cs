using Iop.Functions.Digest;
using Iop.Functions.Outbox.LocalOutbox;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iop.Functions.Pages.Dev;

/// <summary>The local outbox: what Microsoft 365 would have sent. Development only; it shows other people's mail.</summary>
internal sealed partial class OutboxModel(LocalOutboxStore outbox, CoordinatorDigest digest, IWebHostEnvironment environment, TimeProvider time) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    internal IReadOnlyList<LocalOutboxMessage> Mail { get; private set; } = [];

    internal IReadOnlyList<LocalOutboxMessage> Notifications { get; private set; } = [];

    internal IReadOnlyList<LocalOutboxMessage> Invitations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        Mail = await outbox.ListAsync(LocalOutboxStore.MailPartition, 100, cancellationToken).ConfigureAwait(false);
        Notifications = await outbox.ListAsync(LocalOutboxStore.NotificationPartition, 100, cancellationToken).ConfigureAwait(false);
        Invitations = await outbox.ListAsync(LocalOutboxStore.CalendarPartition, 100, cancellationToken).ConfigureAwait(false);
        return Page();
    }

    /// <summary>The weekly digest now (in Azure a timer trigger sends it on Monday mornings).</summary>
    public async Task<IActionResult> OnPostDigestAsync(CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        // One digest a week: a second press is answered, not silently dropped by the week's idempotency key.
        var now = time.GetUtcNow();
        var week = CoordinatorDigest.Week(now);
        if (await outbox.HasNotificationAsync(CoordinatorDigest.KeyFor(now), cancellationToken).ConfigureAwait(false))
        {
            StatusMessage = Localization.Language.T(
                $"Veckosammanställningen för vecka {week} är redan skickad. Nästa skickas på måndag morgon.",
                $"The weekly digest for week {week} has already been sent. The next one goes out on Monday morning.");
            return RedirectToPage();
        }

        var listed = await digest.SendAsync(cancellationToken).ConfigureAwait(false);
        var (open, partnerships) = (listed.OpenCases, listed.Partnerships);
        StatusMessage = listed.IsEmpty
            ? Localization.Language.T("Inga ärenden är öppna och inget partnerskap behöver följas upp, så ingen sammanställning skickades.", "No case is open and no partnership needs following up, so no digest was sent.")
            : Localization.Language.T(
                $"Veckosammanställningen för vecka {week} är skickad med {(open == 1 ? "1 öppet ärende" : $"{open} öppna ärenden")}{(partnerships > 0 ? $" och {partnerships} partnerskap att följa upp" : "")}.",
                $"The weekly digest for week {week} is sent, listing {(open == 1 ? "1 open case" : $"{open} open cases")}{(partnerships > 0 ? $" and {partnerships} partnership(s) to follow up" : "")}.");
        return RedirectToPage();
    }

    /// <summary>An invitation's <c>.ics</c>, as an attendee's mail client would get it.</summary>
    public async Task<IActionResult> OnGetIcsAsync(string? key, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || await outbox.FindInvitationAsync(key, cancellationToken).ConfigureAwait(false) is not { } ics)
        {
            return NotFound();
        }

        var method = ics.Contains("METHOD:CANCEL", StringComparison.Ordinal) ? "CANCEL" : "REQUEST";
        return File(System.Text.Encoding.UTF8.GetBytes(ics), $"text/calendar; charset=utf-8; method={method}", "inbjudan.ics");
    }

    /// <summary>A mail's <c>.eml</c>: the MIME a mail server would get, to open in a real mail client.</summary>
    public async Task<IActionResult> OnGetEmlAsync(string? key, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || await outbox.FindMailAsync(key, cancellationToken).ConfigureAwait(false) is not { } eml)
        {
            return NotFound();
        }

        return File(eml, "message/rfc822", "meddelande.eml");
    }

    /// <summary>Plain text with its web addresses as links, the rest escaped.</summary>
    internal static Microsoft.AspNetCore.Html.HtmlString Linkify(string text)
    {
        var html = new System.Text.StringBuilder();
        var last = 0;
        foreach (System.Text.RegularExpressions.Match m in Links().Matches(text))
        {
            html.Append(Html.Encode(text[last..m.Index]));
            var url = Html.Encode(m.Value);
            html.Append("<a href=\"").Append(url).Append("\">").Append(url).Append("</a>");
            last = m.Index + m.Length;
        }

        html.Append(Html.Encode(text[last..]));
        return new Microsoft.AspNetCore.Html.HtmlString(html.ToString());
    }

    private static readonly System.Text.Encodings.Web.HtmlEncoder Html = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    [System.Text.RegularExpressions.GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial System.Text.RegularExpressions.Regex Links();
}
