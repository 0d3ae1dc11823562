using Iop.Agreements;
using Iop.Cases;
using Iop.Common;
using Iop.Intake;
using Iop.Meetings;
using Iop.Officials;
using Iop.Partnerships;
using Iop.Policies;
using Iop.Screening;
using Iop.Vetting;
using Microsoft.Extensions.Time.Testing;

namespace Iop.Bench;

/// <summary>
/// Cases for the yearly follow-up at scale. A few template cases go through the real case service (commands, the
/// decider, the table store) on a clock that moves: discontinued at screening or in vetting, in dialogue, active with
/// yearly follow-ups and reports, ended (notice or rescission), renegotiated and signed again; each path starting in each
/// year from 2021. Then every case is a copy of a template under its own id, number and organisation, shifted by up to a
/// few months, written through the same store (one transaction per 90 events).
/// </summary>
internal sealed class FollowUpCases(ICaseStore store, IRegistrationNumbers numbers, PolicyCatalog policies, OrganisationDirectory directory)
{
    public const int FirstYear = 2021;

    private static readonly Actor Coordinator = new("bench@mora.example", "Bench Samordnare", ActorRole.Coordinator);
    private static readonly Actor Initiator = new("karin.ek@bench.example", "Karin Ek", ActorRole.Initiator);

    /// <summary>The paths and how many of every hundred cases take each.</summary>
    private static readonly (CasePath Path, int Share)[] Mix =
    [
        (CasePath.DiscontinuedAtScreening, 30), (CasePath.DiscontinuedInVetting, 15), (CasePath.InDialogue, 10),
        (CasePath.Active, 25), (CasePath.Ended, 10), (CasePath.Renegotiated, 10),
    ];

    private CaseService _service = null!;
    private FakeTimeProvider _time = null!;

    private enum CasePath
    {
        DiscontinuedAtScreening,
        DiscontinuedInVetting,
        InDialogue,
        Active,
        Ended,
        Renegotiated,
    }

    /// <summary>One template per path and start year up to <paramref name="now"/>, each an event history.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<CaseEvent>>> TemplatesAsync(DateTimeOffset now)
    {
        var templates = new List<IReadOnlyList<CaseEvent>>();
        foreach (var (path, _) in Mix)
        {
            for (var year = FirstYear; year <= SwedishClock.LocalDate(now).Year; year++)
            {
                var id = await RunAsync(path, new DateTimeOffset(year, 2, 2, 8, 0, 0, TimeSpan.Zero), now, templates.Count);
                templates.Add([.. (await store.LoadHistoryAsync(id, CancellationToken.None)).Select(e => e.Event)]);
            }
        }

        return templates;
    }

    /// <summary>Writes <paramref name="count"/> copies of the templates (in the paths' shares) through the store; returns the events written.</summary>
    public static async Task<long> SeedAsync(ICaseStore store, PolicyCatalog policies, IReadOnlyList<IReadOnlyList<CaseEvent>> templates, int count, DateTimeOffset now)
    {
        var years = SwedishClock.LocalDate(now).Year - FirstYear + 1;
        var paths = Mix.SelectMany((m, p) => Enumerable.Repeat(p, m.Share)).ToArray();
        var written = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var random = new Random(i);
            var template = templates[(paths[i % paths.Length] * years) + random.Next(years)];
            var latest = template[^1].At;
            var shift = TimeSpan.FromDays(random.Next(0, 120));
            if (latest + shift > now)
            {
                shift = now - latest > TimeSpan.Zero ? TimeSpan.FromTicks((now - latest).Ticks / 2) : TimeSpan.Zero;
            }

            var id = CaseId.New();
            var received = template[0].At + shift;
            var number = new RegistrationNumber($"KS {received.Year}/{10_000 + i}", received.Year, 10_000 + i);
            var events = template.Select(e => e switch
            {
                InitiativeSubmitted s => s with { Case = id, Number = number, Initiative = s.Initiative with { OrganisationName = $"Förening {i:D5}" }, At = s.At + shift },
                _ => e with { At = e.At + shift },
            }).ToList();
            await WriteAsync(store, policies, id, events, ct);
            Interlocked.Add(ref written, events.Count);
        });
        return written;
    }

    private static async Task WriteAsync(ICaseStore store, PolicyCatalog policies, CaseId id, IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        StoredCase? expected = null;
        var state = CaseState.Initial;
        foreach (var chunk in events.Chunk(90))
        {
            state = chunk.Aggregate(state, CaseDecider.Evolve);
            var registered = (RegisteredCase)state;
            var version = (expected?.Version ?? 0) + chunk.Length;
            var summary = CaseSummary.Of(registered, version, chunk[^1].At, policies.For(registered));
            if (!await store.TryCommitAsync(new CaseChange(id, expected, [.. chunk], registered, summary, ValueList<Effect>.Empty), cancellationToken))
            {
                throw new InvalidOperationException($"Case {id} could not be written.");
            }

            expected = await store.LoadForDecisionAsync(id, cancellationToken);
        }
    }

    /// <summary>One case along <paramref name="path"/> from <paramref name="start"/>, as far as <paramref name="until"/> lets it go, on a clock of its own.</summary>
    private async Task<CaseId> RunAsync(CasePath path, DateTimeOffset start, DateTimeOffset until, int n)
    {
        var id = CaseId.New();
        var social = directory.Find("socialnamnden")!;
        _time = new FakeTimeProvider(start);
        _service = new CaseService(store, numbers, policies, _time);
        var day = 0;
        bool At(int d)
        {
            day = d;
            var t = start.AddDays(d);
            if (t > until)
            {
                return false;
            }

            if (t > _time.GetUtcNow())
            {
                _time.SetUtcNow(t);
            }

            return true;
        }

        DateOnly Today() => SwedishClock.LocalDate(_time.GetUtcNow());

        var initiative = new Initiative($"Mall {n}", "802012-3454", new ContactPerson("Karin Ek", "karin.ek@bench.example", "0250-12345"), "Ofrivillig ensamhet bland äldre i kommunens byar.", "Träffpunkter med frivilliga två kvällar i veckan.", ValueList<CriterionAssessment>.Empty);
        Expect(await _service.SubmitAsync(id, initiative, CancellationToken.None), "submit");
        var all = _service.Policy.Checklist.Select(c => new CriterionAssessment(c.Id, Assessment.Met, null)).ToValueList();
        if (!At(5))
        {
            return id;
        }

        await AcceptAsync(id, new RecordAssessments(all.Take(3).ToValueList(), Coordinator));
        if (!At(9))
        {
            return id;
        }

        if (path == CasePath.DiscontinuedAtScreening)
        {
            await AcceptAsync(id, new CompleteScreening(all, ScreeningOutcome.Discontinue, "Passar bättre som föreningsbidrag.", Alternative.AssociationGrant, Coordinator));
            return id;
        }

        await AcceptAsync(id, new CompleteScreening(all, ScreeningOutcome.Continue, null, Alternative.None, Coordinator));
        if (!At(20))
        {
            return id;
        }

        var tokenId = Guid.NewGuid().ToString("N");
        await AcceptAsync(id, new StartPartnerVetting(tokenId, _time.GetUtcNow().AddDays(120), Coordinator));
        var documents = _service.Policy.Documents;
        foreach (var (document, i) in documents.Select((d, i) => (d, i)))
        {
            if (path == CasePath.DiscontinuedInVetting && i == documents.Count / 2)
            {
                // The organisation stops answering: reminders, then the coordinator discontinues.
                foreach (var d in new[] { 45, 48, 52, 60 })
                {
                    if (!At(d))
                    {
                        return id;
                    }

                    await CheckDeadlinesAsync(id);
                }

                await AcceptAsync(id, new Discontinue("Organisationen har inte kommit in med handlingarna.", Alternative.None, Coordinator));
                return id;
            }

            if (!At(22 + (2 * i)))
            {
                return id;
            }

            var file = new UploadedFile(Guid.NewGuid().ToString("N"), $"{document.Id}.pdf", "application/pdf", 48_000, new string('a', 64), _time.GetUtcNow());
            await AcceptAsync(id, new UploadDocument(document.Id, [file], UploadLimits.Default, tokenId, Initiator));
            await AcceptAsync(id, new ReviewDocument(document.Id, Accept: true, null, null, Coordinator));
        }

        if (_service.Policy.Declaration is { } declaration)
        {
            await AcceptAsync(id, new SignDeclaration("Karin Ek", "Ordförande", "Föreningen", true, declaration.Version, tokenId, Initiator));
        }

        if (!At(50))
        {
            return id;
        }

        await AcceptAsync(id, new ConfirmScope(ValueList.Of(social), Coordinator));
        if (!At(55))
        {
            return id;
        }

        await AnswerOpenAsync(id, Officials.RequestKind.StaffingConfirmation, new StaffingAnswer(true, ValueList.Of(social.Contact), null));
        foreach (var (kind, d) in new[] { (MeetingKind.StakeholderMeeting, 60), (MeetingKind.FollowUpMeeting, 80) })
        {
            if (!At(d))
            {
                return id;
            }

            var meetingStart = _time.GetUtcNow().AddHours(2);
            await AcceptAsync(id, new ScheduleMeeting(kind, meetingStart, meetingStart.AddHours(1), "Stadshuset", false, ValueList.Of(social.Contact), Coordinator));
            if (!At(d + 7))
            {
                return id;
            }

            var meeting = (await LoadAsync(id)).File.Meetings[^1];
            await AcceptAsync(id, new RecordMeetingHeld(meeting.Id, "Mötet hölls enligt plan.", Coordinator));
            if (kind == MeetingKind.StakeholderMeeting)
            {
                if (path == CasePath.InDialogue || !At(d + 14))
                {
                    return id;
                }

                await AnswerOpenAsync(id, Officials.RequestKind.InternalPosition, new PositionAnswer(Position.Supports, "Nämnden ställer sig bakom idén."));
            }
        }

        if (_service.Policy.Checklist.Any(c => c.RequiresProcurementOpinion))
        {
            await AcceptAsync(id, new RequestProcurementOpinion(directory.Procurement, Coordinator));
            if (!At(95))
            {
                return id;
            }

            await AnswerOpenAsync(id, Officials.RequestKind.ProcurementOpinion, new ProcurementOpinion(MarketSituation.NoMarket, "Ingen marknad.", null));
        }

        if (!At(100))
        {
            return id;
        }

        var termStart = Today().AddDays(60);
        if (!await DraftAndSignAsync(id, termStart, 553_200m, At, 100))
        {
            return id;
        }

        // The partnership's life: a follow-up dialogue each September, the organisation's report on the year asked for by
        // the calendar in January and sent in February; the calendar's reminders in between.
        int DayOf(int year, int month, int dayOfMonth) => new DateOnly(year, month, dayOfMonth).DayNumber - SwedishClock.LocalDate(start).DayNumber;
        for (var year = termStart.Year; year <= termStart.Year + 2; year++)
        {
            if (!At(DayOf(year, 9, 15)))
            {
                return id;
            }

            await CheckDeadlinesAsync(id);
            await AcceptAsync(id, new RecordFollowUp(
                Today(), null, "Träffpunkterna har hållits varje vecka.", [new CoFinancing(Party.Municipality, year, 540_000m, null), new CoFinancing(Party.Organisation, year, 0m, "Ideell tid, 1 900 timmar")],
                null, "Målen nås.", "Bra samarbete.", Coordinator));
            if (path == CasePath.Ended && year == termStart.Year + 1)
            {
                await EndAsync(id, n, At, DayOf(year, 10, 1));
                return id;
            }

            if (path == CasePath.Renegotiated && year == termStart.Year + 1)
            {
                await AcceptAsync(id, new RenegotiateAgreement("Verksamheten växer och behöver nya villkor.", Coordinator));
                if (!await DraftAndSignAsync(id, new DateOnly(year + 1, 1, 1), 620_000m, At, day + 10))
                {
                    return id;
                }
            }

            if (!At(DayOf(year + 1, 1, 20)))
            {
                return id;
            }

            await CheckDeadlinesAsync(id);
            if (YearlyReports.Find((await LoadAsync(id)).File, year) is { IsOpen: true } report)
            {
                if (!At(DayOf(year + 1, 2, 20)))
                {
                    return id;
                }

                await AcceptAsync(id, new SubmitYearlyReport(
                    report.Year, report.Issue, "Vi höll öppet 120 kvällar.", [new CoFinancing(Party.Organisation, report.Year, 12_000m, "Ideell tid, 2 000 timmar"), new CoFinancing(Party.Municipality, report.Year, 553_200m, null)], [], Initiator));
            }
        }

        return id;
    }

    /// <summary>The agreement drafted, decided and signed (or, after a renegotiation, again): false when the clock ran out.</summary>
    private async Task<bool> DraftAndSignAsync(CaseId id, DateOnly termStart, decimal perYear, Func<int, bool> at, int from)
    {
        var term = new PartnershipTerm(termStart, termStart.AddYears(3).AddDays(-1));
        var financing = Enumerable.Range(term.Start.Year, term.End.Year - term.Start.Year + 1)
            .SelectMany(y => new[] { new CoFinancing(Party.Municipality, y, perYear, null), new CoFinancing(Party.Organisation, y, 0m, "Ideell tid") })
            .ToValueList();
        await AcceptAsync(id, new SetAgreementTerms(new AgreementTerms("Äldre som lever i ofrivillig ensamhet", "Kommunstyrelsens ordförande", "Ordförande", financing, term), Coordinator));
        foreach (var section in (await LoadAsync(id)).File.Agreement!.Sections.Where(s => s.AwaitsText))
        {
            await AcceptAsync(id, new EditAgreementSection(section.Id, "Parterna har skrivit avsnittet tillsammans.", Coordinator));
        }

        if (!at(from + 10))
        {
            return false;
        }

        await AcceptAsync(id, new SubmitAgreementForDecision(Coordinator));
        if (!at(from + 30))
        {
            return false;
        }

        await AnswerOpenAsync(id, Officials.RequestKind.CommitteeDecision, new CommitteeDecision(true, SwedishClock.LocalDate(_time.GetUtcNow()), "§ 19", null));
        if (!at(from + 40))
        {
            return false;
        }

        var today = SwedishClock.LocalDate(_time.GetUtcNow());
        await AcceptAsync(id, new RecordSignature(Party.Municipality, "Anna Ordförande", "Kommunstyrelsens ordförande", today, Coordinator));
        await AcceptAsync(id, new RecordSignature(Party.Organisation, "Karin Ek", "Ordförande", today, Coordinator));
        return true;
    }

    /// <summary>Notice (every other template) or rescission.</summary>
    private async Task EndAsync(CaseId id, int n, Func<int, bool> at, int d)
    {
        if (!at(d))
        {
            return;
        }

        var today = SwedishClock.LocalDate(_time.GetUtcNow());
        if (n % 2 == 0)
        {
            await AcceptAsync(id, new GiveNotice(Party.Organisation, today, "Föreningen har inte längre ideella krafter nog.", Coordinator));
            var endsOn = PartnershipTerms.EndsOn((ActivePartnership)await LoadAsync(id));
            if (at(endsOn.DayNumber - SwedishClock.LocalDate(_time.GetUtcNow()).DayNumber + d + 1))
            {
                await CheckDeadlinesAsync(id);
            }
        }
        else
        {
            await AcceptAsync(id, new RescindAgreement(Party.Municipality, today, "Pengarna användes till annat än det avtalade.", Coordinator));
        }
    }

    private async Task AnswerOpenAsync(CaseId id, Officials.RequestKind kind, OfficialAnswer answer)
    {
        var request = (await LoadAsync(id)).File.Requests.First(r => r.Kind == kind && r.IsOpen);
        await AcceptAsync(id, new AnswerRequest(request.Id, request.Issue, answer, request.Addressee, Actor.System));
    }

    private async Task CheckDeadlinesAsync(CaseId id)
    {
        var result = await _service.HandleAsync(id, new CheckDeadlines(Actor.System), null, CancellationToken.None);
        if (result is not Accepted and not Rejected)
        {
            throw new InvalidOperationException($"CheckDeadlines: {result}");
        }
    }

    private async Task<RegisteredCase> LoadAsync(CaseId id) => (await store.LoadAsync(id, CancellationToken.None))!.State;

    private async Task AcceptAsync(CaseId id, CaseCommand command) => Expect(await _service.HandleAsync(id, command, null, CancellationToken.None), command.GetType().Name);

    private static void Expect(CommandResult result, string what)
    {
        if (result is not Accepted)
        {
            throw new InvalidOperationException($"{what} was not accepted: {result}");
        }
    }
}
