namespace Iop.Policies;

/// <summary>A text in Swedish (the original, which is authoritative) and English.</summary>
public sealed record LocalizedText(string Sv, string En)
{
    /// <summary>The text in the given language; Swedish unless English is asked for.</summary>
    public string In(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Sv;

    /// <inheritdoc />
    public override string ToString() => Sv;
}
