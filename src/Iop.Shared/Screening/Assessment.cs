namespace Iop.Screening;

/// <summary>How well an initiative meets one checklist criterion.</summary>
public enum Assessment
{
    /// <summary>The criterion holds (stämmer).</summary>
    Met,

    /// <summary>The criterion does not hold (stämmer inte).</summary>
    NotMet,

    /// <summary>Not yet clear (oklart), e.g. while waiting for the procurement unit's opinion.</summary>
    Unclear,
}
