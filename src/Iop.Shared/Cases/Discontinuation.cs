using Iop.Screening;

namespace Iop.Cases;

/// <summary>Why and when a case was discontinued, and at which stage.</summary>
public sealed record Discontinuation(Stage AtStage, string Reason, Alternative Alternative, string By, DateTimeOffset At);
