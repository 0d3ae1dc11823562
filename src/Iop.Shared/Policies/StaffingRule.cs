namespace Iop.Policies;

/// <summary>What a head of an affected administration or company confirms when asked for staffing (bemanning).</summary>
/// <param name="OneNamedContact">
/// Whether the head names exactly one contact person (Stockholm: one designated expert per administration) rather
/// than the staff who take part (Mora).
/// </param>
public sealed record StaffingRule(bool OneNamedContact)
{
    /// <summary>The staff who take part, as many as the head names (Mora).</summary>
    public static StaffingRule Default { get; } = new(OneNamedContact: false);
}
