namespace Iop.Functions.Digest;

/// <summary>What a week's digest listed: the open cases and the running partnerships that need the coordinator.</summary>
internal sealed record DigestContents(int OpenCases, int Partnerships)
{
    /// <summary>Nothing to list: no digest is sent.</summary>
    public bool IsEmpty => OpenCases == 0 && Partnerships == 0;
}
