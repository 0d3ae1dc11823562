namespace Iop.Screening;

/// <summary>Where a discontinued initiative may turn instead of an IOP.</summary>
public enum Alternative
{
    /// <summary>No alternative is pointed out.</summary>
    None,

    /// <summary>An association grant (föreningsbidrag).</summary>
    AssociationGrant,

    /// <summary>Procurement (upphandling), because there is a market.</summary>
    Procurement,
}
