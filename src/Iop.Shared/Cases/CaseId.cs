namespace Iop.Cases;

/// <summary>The identity of one IOP case (ärende); stable for the case's whole life.</summary>
public readonly record struct CaseId(Guid Value)
{
    /// <summary>Creates a new, random case id.</summary>
    public static CaseId New() => new(Guid.NewGuid());

    /// <summary>Parses the 32-digit form used in URLs and storage keys.</summary>
    public static bool TryParse(string? text, out CaseId id)
    {
        var ok = Guid.TryParse(text, out var guid) && guid != Guid.Empty;
        id = ok ? new CaseId(guid) : default;
        return ok;
    }

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}
