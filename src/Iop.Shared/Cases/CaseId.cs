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

    /// <summary>Parses the 32-digit form; a text that is no case id is a bug in the caller.</summary>
    public static CaseId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a case id.");

    /// <inheritdoc />
    public override string ToString() => Value.ToString("N");
}
