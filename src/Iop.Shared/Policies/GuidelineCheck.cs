namespace Iop.Policies;

/// <summary>
/// A check the guideline requires beyond the checklist (kontroll): the coordinator records whether it is fulfilled
/// and why, at any point before the agreement goes to the committees.
/// </summary>
/// <param name="Id">A stable id, referenced by the recorded findings.</param>
/// <param name="Title">A short name ("Upphandlingsregler").</param>
/// <param name="Question">What is to be assessed, in the guideline's words.</param>
/// <param name="Optional">Whether the agreement may go to the committees without it ("bör" rather than "ska").</param>
public sealed record GuidelineCheck(string Id, LocalizedText Title, LocalizedText Question, bool Optional);
