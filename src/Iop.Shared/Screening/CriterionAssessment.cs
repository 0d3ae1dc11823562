namespace Iop.Screening;

/// <summary>The assessment of one checklist criterion, with the assessor's note.</summary>
public sealed record CriterionAssessment(string CriterionId, Assessment Assessment, string? Note);
