using Iop.Cases;
using Iop.Common;
using Iop.Functions.Tests.Infrastructure;
using Iop.Meetings;
using Iop.Officials;

namespace Iop.Functions.Tests.Officials;

/// <summary>The software's own bookkeeping does not make the coordinator's page stale; a real change does.</summary>
[Collection("Azurite")]
public sealed class BookkeepingTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_recorded_calendar_event_does_not_make_a_page_stale_but_an_answer_does()
    {
        var cases = new TestCases(azurite);
        var id = await cases.SubmitAsync();
        await cases.Service.HandleAsync(id, new CompleteScreening(TestCases.Policy.Checklist.Select(c => new Screening.CriterionAssessment(c.Id, Screening.Assessment.Met, null)).ToValueList(), ScreeningOutcome.Continue, null, Screening.Alternative.None, TestCases.Coordinator), null, CancellationToken.None);
        var start = cases.Time.GetUtcNow().AddDays(2);
        var scheduled = await cases.Service.HandleAsync(id, new ScheduleMeeting(MeetingKind.FirstMeeting, start, start.AddHours(1), "Stadshuset", false, ValueList.Of(new Person("Karin Ek", "karin.ek@navet.example")), TestCases.Coordinator), null, CancellationToken.None);
        var seen = Assert.IsType<Accepted>(scheduled).Case.Version;

        await cases.Service.HandleAsync(id, new RecordCalendarEvent("first-1", "AAMkAGI2", Actor.System), null, CancellationToken.None);
        var moved = await cases.Service.HandleAsync(id, new RescheduleMeeting("first-1", start.AddDays(1), start.AddDays(1).AddHours(1), "Stadshuset", false, TestCases.Coordinator), seen, CancellationToken.None);
        Assert.IsType<Accepted>(moved);

        var stale = await cases.Service.HandleAsync(id, new CancelMeeting("first-1", "Sjukdom.", TestCases.Coordinator), seen, CancellationToken.None);
        Assert.IsType<StaleVersion>(stale);
    }
}
