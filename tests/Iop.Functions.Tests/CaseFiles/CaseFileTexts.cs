using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Iop.Cases;
using Iop.Functions.Localization;
using Iop.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;

namespace Iop.Functions.Tests.CaseFiles;

/// <summary>What the case file must say, worked out from the stored case with the app's own texts.</summary>
internal static partial class CaseFileTexts
{
    /// <summary>The section headings, in order.</summary>
    public static readonly string[] Headings =
        ["Initiativet", "Bedömning mot checklistan", "Dokument och värdegrund", "Möten", "Förfrågningar till tjänstepersoner", "Nämndbeslut", "Överenskommelse", "Händelser"];

    /// <summary>Every timeline line as the case page words it, in Swedish.</summary>
    public static async Task<List<(string When, string Who, string What)>> TimelineAsync(IopAppFactory app, CaseId id)
    {
        var stored = await OfficialsCases.LoadAsync(app, id);
        var history = await app.Services.GetRequiredService<ICaseStore>().LoadHistoryAsync(id, CancellationToken.None);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (Language.Swedish, Language.Swedish);
        try
        {
            return [.. history.Select(h => (SwedishTime.Format(h.Event.At), EventTexts.Who(h.Event.By), EventTexts.Describe(h.Event, TestCases.Policy, stored.State.File)))];
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    /// <summary>An element's text, each element's text apart from the next (a label from its value).</summary>
    public static string Text(IElement element) => Normalised(string.Join(" ", element.Descendants<IText>().Select(t => t.Data)));

    /// <summary>
    /// A PDF page's words in the order drawn; with <paramref name="bodyOnly"/> without the running header and footer, so
    /// that text going on from one page to the next reads on.
    /// </summary>
    public static string PageText(Page page, bool bodyOnly) => Normalised(string.Join(" ", page.GetWords()
        .Where(w => !bodyOnly || (w.BoundingBox.Bottom > 56 && w.BoundingBox.Top < page.Height - 60))
        .Select(w => w.Text)));

    /// <summary>Runs of white space as one space, as text extraction and HTML see them.</summary>
    public static string Normalised(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
