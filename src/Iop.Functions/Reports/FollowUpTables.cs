using System.Globalization;
using System.Text.RegularExpressions;
using Iop.Agreements;
using Iop.Functions.Localization;
using Iop.Officials;
using Iop.Reports;
using Iop.Screening;
using static Iop.Functions.Localization.Language;

namespace Iop.Functions.Reports;

/// <summary>
/// One row of a report table: its header (the first column) and its values (int, decimal, string or null); a total, or a
/// part of the row above it (<paramref name="IsPart"/>, "varav").
/// </summary>
internal sealed record ReportRow(string Header, IReadOnlyList<object?> Cells, bool IsTotal = false, bool IsPart = false);

/// <summary>A table of the follow-up as the page, the CSV and the workbook show it, in the user's language.</summary>
/// <param name="Id">A stable id (the page's anchor).</param>
/// <param name="Title">The caption, the CSV's title line.</param>
/// <param name="SheetName">The worksheet's name (at most 31 characters).</param>
/// <param name="Headers">The column headers, the row headers' column first.</param>
/// <param name="Rows">The rows.</param>
/// <param name="Note">How the figures are counted, if it needs saying.</param>
/// <param name="Groups">
/// On the page only: the columns in groups under a heading of their own, with their short headers (the exports keep
/// <paramref name="Headers"/>, which say it whole). A group without a heading is one column whose header spans both rows.
/// </param>
internal sealed record ReportTable(string Id, string Title, string SheetName, IReadOnlyList<string> Headers, IReadOnlyList<ReportRow> Rows, string? Note = null, IReadOnlyList<HeaderGroup>? Groups = null);

/// <summary>Columns under one heading (or, without one, a single column): their short headers on the page.</summary>
internal sealed record HeaderGroup(string? Heading, IReadOnlyList<string> Columns);

/// <summary>A bar of a chart, its value (null: nothing to show) as the table next to it has it.</summary>
internal sealed record ChartBar(string Label, decimal? Value);

/// <summary>A server-rendered bar chart; <paramref name="Funnel"/> centres the bars.</summary>
internal sealed record BarChart(string Id, string Title, string Description, string Unit, IReadOnlyList<ChartBar> Bars, bool Funnel);

/// <summary>The yearly follow-up's tables and charts, from the figures <see cref="YearlyFollowUp"/> computed.</summary>
internal static partial class FollowUpTables
{
    private static readonly Alternative[] Referrals = [Alternative.AssociationGrant, Alternative.Procurement, Alternative.None];

    public static IReadOnlyList<ReportTable> Tables(FollowUpReport r) =>
        [Overview(r), Partnerships(r), Discontinued(r), LeadTimes(r), CoFinancing(r), CoFinancingFollowUp(r), Committees(r)];

    public static ReportTable Overview(FollowUpReport r) => new(
        "oversikt",
        T($"Initiativ och partnerskap {r.Year}", $"Initiatives and partnerships {r.Year}"),
        T("Översikt", "Overview"),
        [T("Mått", "Measure"), T("Antal", "Number")],
        [
            new(T("Inkomna initiativ", "Initiatives received"), [r.Received]),
            new(T("Bedömda initiativ", "Initiatives screened"), [r.Screened]),
            new(T("Avslutade ärenden", "Cases discontinued"), [r.Discontinued]),
            new(T("Beslutade partnerskap (alla nämnder har godkänt)", "Partnerships decided (every committee approved)"), [r.Decided]),
            new(T("Undertecknade överenskommelser (nya partnerskap)", "Agreements signed (new partnerships)"), [r.SignedAgreements]),
        ],
        T(
            "Varje händelse räknas det år den inträffade (svensk tid), oavsett när ärendet kom in. En överenskommelse räknas som undertecknad en gång, det år den först undertecknades; en omförhandlad överenskommelse som undertecknas igen räknas under pågående partnerskap.",
            "Each event counts in the year it happened (Swedish time), whenever the case came in. An agreement counts as signed once, in the year it was first signed; a renegotiated agreement signed again counts under running partnerships."));

    public static ReportTable Partnerships(FollowUpReport r) => new(
        "partnerskap",
        T($"Pågående partnerskap {r.Year}", $"Running partnerships {r.Year}"),
        T("Pågående partnerskap", "Running partnerships"),
        [T("Mått", "Measure"), T("Antal", "Number")],
        [
            new(T($"Aktiva partnerskap den 31 december {r.Year}", $"Partnerships active on 31 December {r.Year}"), [r.ActiveAtYearEnd]),
            new(T("Påbörjade omförhandlingar", "Renegotiations started"), [r.RenegotiationsStarted]),
            new(T("Omförhandlade överenskommelser som undertecknades", "Renegotiated agreements signed"), [r.Renegotiated]),
            new(T("Uppföljningsdialoger", "Follow-up dialogues"), [r.FollowUpDialogues]),
            new(T("Årsrapporter som kom in", "Yearly reports received"), [r.YearlyReportsReceived]),
            new(T("Avslutade partnerskap", "Partnerships ended"), [r.Ended]),
            new(T("varav avtalstiden löpte ut", "of which the term ran out"), [r.EndedBy.TermExpired], IsPart: true),
            new(T("varav uppsägning", "of which notice"), [r.EndedBy.Notice], IsPart: true),
            new(T("varav hävning", "of which rescission"), [r.EndedBy.Rescission], IsPart: true),
            new(T("varav annat eller inte angivet", "of which other or not recorded"), [r.EndedBy.Other], IsPart: true),
        ],
        T(
            "Ett partnerskap som omförhandlas är aktivt: dess överenskommelse gäller tills den nya är undertecknad. En omförhandling som avbryts avslutar partnerskapet (annat). Dialoger och årsrapporter räknas det år de registrerades; en årsrapport som skickas in igen samma år räknas en gång. Ett partnerskap räknas som avslutat det år slutet registrerades.",
            "A partnership being renegotiated is active: its agreement applies until the new one is signed. A renegotiation that is given up ends the partnership (other). Dialogues and yearly reports count in the year they were recorded; a yearly report sent again in the same year counts once. A partnership counts as ended in the year its end was recorded."));

    public static ReportTable Discontinued(FollowUpReport r)
    {
        var rows = r.Discontinuations.GroupBy(d => d.AtStage).OrderBy(g => g.Key)
            .Select(g => new ReportRow(Texts.StageName(g.Key), [.. Referrals.Select(a => (object?)g.Where(d => d.Referral == a).Sum(d => d.Count)), g.Sum(d => d.Count)]))
            .ToList();
        rows.Add(new(T("Totalt", "Total"), [.. Referrals.Select(a => (object?)r.Discontinuations.Where(d => d.Referral == a).Sum(d => d.Count)), r.Discontinued], IsTotal: true));
        return new(
            "avslutade",
            T($"Avslutade ärenden {r.Year} per steg och hänvisning", $"Cases discontinued in {r.Year} by stage and referral"),
            T("Avslutade ärenden", "Discontinued cases"),
            [T("Steg när ärendet avslutades", "Stage when discontinued"), .. Referrals.Select(ReferralName), T("Totalt", "Total")],
            rows);
    }

    public static ReportTable LeadTimes(FollowUpReport r) => new(
        "ledtider",
        T($"Ledtider {r.Year} i dagar (median)", $"Lead times {r.Year} in days (median)"),
        T("Ledtider", "Lead times"),
        [T("Sträcka", "Span"), T("Ärenden", "Cases"), T("Median (dagar)", "Median (days)")],
        [
            new(T("Från initiativ till nämndbeslut", "From initiative to committee decision"), [r.InitiativeToDecision.Cases, r.InitiativeToDecision.MedianDays]),
            .. r.Stages.Select(s => new ReportRow(Texts.StageName(s.Stage), [s.Time.Cases, s.Time.MedianDays])),
        ],
        T(
            "Hela ledtiden räknas från initiativets registrering till dagen då den sista berörda nämnden godkände, för partnerskap beslutade under året. Ett steg börjar med händelsen som förde ärendet dit och slutar med händelsen som förde det till ett senare steg: inkommet slutar när bedömningen påbörjas eller avslutas, bedömning när den avslutas, första möte när kontrollen av organisationen startar, kontrollen när allt är godkänt, avgränsningen när berörda nämnder och bolag bekräftas, dialogmötet när den interna diskussionen startar, den interna diskussionen när alla ställningstaganden har kommit in, uppföljningsmötet när det har hållits, avtalsskrivningen när avtalet skickas för beslut och nämndbeslutet när avtalet undertecknas. Steget räknas det år ärendet lämnade det; tid i en runda som skickades tillbaka (avslag och omarbetning) läggs till nästa gång ärendet passerar steget. Ärenden som avslutades i ett steg räknas inte för det steget. Dagar räknas som kalenderdagar i svensk tid.",
            "The whole lead time runs from the initiative's registration to the day the last affected committee approved, for the partnerships decided in the year. A stage begins with the event that brought the case there and ends with the event that took it to a later stage: received ends when screening starts or is completed, screening when it is completed, first meeting when vetting starts, vetting when everything is accepted, scoping when the affected committees and companies are confirmed, the stakeholder meeting when the internal discussion starts, the internal discussion when every position is in, the follow-up meeting when it is held, drafting when the agreement goes for decision and the committee decision when the agreement is signed. A stage counts in the year the case left it; time in a round that was sent back (a rejection and revision) is added to the case's next passage of the stage. Cases discontinued in a stage do not count for it. Days are calendar days in Swedish time."));

    public static ReportTable CoFinancing(FollowUpReport r)
    {
        var rows = new List<ReportRow>();
        foreach (var party in r.CoFinancing.GroupBy(c => c.Party).OrderBy(g => g.Key))
        {
            rows.AddRange(party.Select(c => new ReportRow(PartyName(c.Party), [c.Year.ToString(CultureInfo.InvariantCulture), c.AmountSek, c.Partnerships, c.InKind.Count == 0 ? null : string.Join("; ", c.InKind)])));
            rows.Add(new(T($"{PartyName(party.Key)}, totalt", $"{PartyName(party.Key)}, total"), [null, party.Sum(c => c.AmountSek), null, null], IsTotal: true));
        }

        return new(
            "medfinansiering",
            T($"Medfinansiering i överenskommelser undertecknade {r.Year}", $"Co-financing in agreements signed in {r.Year}"),
            T("Medfinansiering", "Co-financing"),
            [T("Part", "Party"), T("År", "Year"), T("Belopp (kr)", "Amount (SEK)"), T("Partnerskap", "Partnerships"), T("Andra insatser", "Other contributions")],
            rows,
            T(
                "Enligt villkoren i överenskommelsen när den undertecknades första gången, per part och det år insatsen avser. Vad omförhandlade överenskommelser utlovar finns i tabellen över utlovad och redovisad medfinansiering.",
                "As the agreement's terms stood when it was first signed, per party and the year the contribution is for. What renegotiated agreements commit is in the table of co-financing committed and reported."));
    }

    /// <summary>Per party, for the year before and the year: committed by the agreements in force against what was reported.</summary>
    public static ReportTable CoFinancingFollowUp(FollowUpReport r)
    {
        var rows = new List<ReportRow>();
        foreach (var party in new[] { Party.Municipality, Party.Organisation })
        {
            foreach (var year in new[] { r.Year - 1, r.Year })
            {
                var committed = r.CoFinancingCommitted.FirstOrDefault(c => c.Party == party && c.Year == year);
                var reported = r.CoFinancingReported.FirstOrDefault(c => c.Party == party && c.Year == year);
                if (committed is null && reported is null)
                {
                    continue;
                }

                rows.Add(new(PartyName(party), [
                    year.ToString(CultureInfo.InvariantCulture),
                    committed?.AmountSek ?? 0m,
                    committed?.Partnerships ?? 0,
                    InKind(committed),
                    reported?.AmountSek ?? 0m,
                    reported?.Partnerships ?? 0,
                    InKind(reported),
                ]));
            }
        }

        return new(
            "medfinansiering-redovisad",
            T($"Medfinansiering {r.Year - 1} och {r.Year}: utlovad och redovisad", $"Co-financing {r.Year - 1} and {r.Year}: committed and reported"),
            T("Utlovad och redovisad", "Committed and reported"),
            [
                T("Part", "Party"), T("År", "Year"), T("Utlovat (kr)", "Committed (SEK)"), T("Partnerskap med åtagande", "Partnerships committed"), T("Utlovade andra insatser", "Other contributions committed"),
                T("Redovisat (kr)", "Reported (SEK)"), T("Partnerskap som redovisat", "Partnerships reported"), T("Redovisade andra insatser", "Other contributions reported"),
            ],
            rows,
            Groups:
            [
                new(null, [T("Part", "Party")]), new(null, [T("År", "Year")]),
                new(T("Utlovat", "Committed"), [T("Kronor", "Kronor"), T("Partnerskap", "Partnerships"), T("Andra insatser", "Other contributions")]),
                new(T("Redovisat", "Reported"), [T("Kronor", "Kronor"), T("Partnerskap", "Partnerships"), T("Andra insatser", "Other contributions")]),
            ],
            Note: T(
                $"Utlovat: vad överenskommelsen som gällde under året (den senast undertecknade före årets slut) utlovar för året, i partnerskap som inte hade avslutats före årets början. Redovisat: vad uppföljningsdialoger och organisationernas årsrapporter som registrerats till och med den 31 december {r.Year} anger för året; anger flera av dem samma part och år för ett partnerskap gäller den senast registrerade. Årsrapporten om ett år kommer in året efter, så {r.Year - 1} visas här med rapporterna som kom in under {r.Year}, och siffrorna för {r.Year} fylls på i uppföljningen {r.Year + 1}.",
                $"Committed: what the agreement in force during the year (the one last signed before the year's end) commits for the year, in partnerships not ended before the year began. Reported: what follow-up dialogues and the organisations' yearly reports recorded up to 31 December {r.Year} give for the year; where several give the same party and year for a partnership, the latest recorded counts. The yearly report on a year comes in the year after, so {r.Year - 1} is shown here with the reports received in {r.Year}, and the figures for {r.Year} are completed in the follow-up {r.Year + 1}."));
    }

    public static ReportTable Committees(FollowUpReport r)
    {
        var order = StringComparer.Create(Swedish, ignoreCase: true);
        return new(
            "namnder",
            T($"Nämnder och bolag {r.Year}", $"Committees and companies {r.Year}"),
            T("Nämnder och bolag", "Committees and companies"),
            [T("Nämnd eller bolag", "Committee or company"), T("Typ", "Kind"), T("Ärenden som berör den", "Cases involving it"), T("Godkända avtal", "Agreements approved"), T("Avslagna avtal", "Agreements rejected")],
            [.. r.Committees.OrderBy(c => c.Name, order).Select(c => new ReportRow(c.Name, [c.Kind == OrganisationKind.Company ? T("Bolag", "Company") : T("Nämnd", "Committee"), c.Cases, c.Approved, c.Rejected]))],
            T(
                "Ärenden räknas det år nämnden eller bolaget angavs som berört; beslut det år sekreteraren registrerade dem (ett avtal som skickats tillbaka kan beslutas mer än en gång).",
                "Cases count in the year the committee or company was named as affected; decisions in the year the secretary recorded them (an agreement sent back can be decided more than once)."));
    }

    /// <summary>Received → screened → decided → signed, in the year.</summary>
    public static BarChart Funnel(FollowUpReport r)
    {
        ChartBar[] bars =
        [
            new(T("Inkomna", "Received"), r.Received),
            new(T("Bedömda", "Screened"), r.Screened),
            new(T("Beslutade", "Decided"), r.Decided),
            new(T("Undertecknade", "Signed"), r.SignedAgreements),
        ];
        return new(
            "tratt",
            T($"Från initiativ till partnerskap {r.Year}", $"From initiative to partnership {r.Year}"),
            T("Antal under året: ", "Numbers in the year: ") + string.Join(", ", bars.Select(b => $"{b.Label.ToLower(CultureInfo.CurrentCulture)} {Display(b.Value)}")) + ".",
            "",
            bars,
            Funnel: true);
    }

    /// <summary>The median days of each stage.</summary>
    public static BarChart StageTimes(FollowUpReport r)
    {
        var bars = r.Stages.Select(s => new ChartBar(Texts.StageName(s.Stage), s.Time.MedianDays)).ToArray();
        return new(
            "ledtider-diagram",
            T($"Median antal dagar per steg {r.Year}", $"Median days per stage {r.Year}"),
            T("Median i dagar: ", "Median in days: ") + string.Join(", ", bars.Select(b => $"{b.Label} {(b.Value is null ? T("inga ärenden", "no cases") : Display(b.Value))}")) + ".",
            T(" d", " d"),
            bars,
            Funnel: false);
    }

    public static string ReferralName(Alternative referral) => referral switch
    {
        Alternative.AssociationGrant => T("Föreningsbidrag", "Association grant"),
        Alternative.Procurement => T("Upphandling", "Procurement"),
        _ => T("Annat/ingen hänvisning", "Other/no referral"),
    };

    private static string? InKind(CoFinancingTotal? total) => total is null || total.InKind.Count == 0 ? null : string.Join("; ", total.InKind);

    public static string PartyName(Party party) => party == Party.Municipality ? T("Kommunen", "The municipality") : T("Organisationerna", "The organisations");

    /// <summary>
    /// A value as the page shows it: numbers with the language's separators, "–" for none; in a text, a number written
    /// with spaces between its thousands ("2 000 timmar") is kept on one line.
    /// </summary>
    public static string Display(object? value) => value switch
    {
        null => "–",
        int n => n.ToString("#,0", CultureInfo.CurrentCulture),
        decimal d => d.ToString("#,0.#", CultureInfo.CurrentCulture),
        var other => ThousandsSpace().Replace(Convert.ToString(other, CultureInfo.CurrentCulture) ?? "", "\u00A0"),
    };

    [GeneratedRegex(@"(?<=\d) (?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSpace();
}
