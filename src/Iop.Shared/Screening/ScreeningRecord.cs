using Iop.Common;

namespace Iop.Screening;

/// <summary>A completed screening: every criterion's assessment, who screened and when.</summary>
public sealed record ScreeningRecord(ValueList<CriterionAssessment> Assessments, string ScreenedBy, DateTimeOffset ScreenedAt);
