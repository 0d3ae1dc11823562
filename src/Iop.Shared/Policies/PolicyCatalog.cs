using Iop.Cases;

namespace Iop.Policies;

/// <summary>
/// The guidelines an installation knows: the one new cases follow (<see cref="Current"/>), and every other profile and
/// version a case may have been received under. A case keeps its profile version for life, so a new version of a
/// guideline applies to new cases only.
/// </summary>
public sealed class PolicyCatalog
{
    private readonly IReadOnlyList<PolicyProfile> _known;

    /// <summary>A catalog of <paramref name="current"/> and the <paramref name="others"/> (earlier versions, other guidelines).</summary>
    public PolicyCatalog(PolicyProfile current, IEnumerable<PolicyProfile>? others = null)
    {
        Current = current;
        _known = [current, .. (others ?? []).Where(p => p.Id != current.Id || p.Version != current.Version).DistinctBy(p => (p.Id, p.Version))];
    }

    /// <summary>The guideline new cases follow.</summary>
    public PolicyProfile Current { get; }

    /// <summary>Every profile and version known, the current one first.</summary>
    public IReadOnlyList<PolicyProfile> Known => _known;

    /// <summary>A catalog of <paramref name="current"/>, every built-in profile, and the <paramref name="archive"/>'s profiles.</summary>
    public static PolicyCatalog WithBuiltIns(PolicyProfile current, IEnumerable<PolicyProfile>? archive = null) =>
        new(current, [.. archive ?? [], .. PolicyProfileLoader.BuiltInIds.Select(id => PolicyProfileLoader.LoadBuiltIn(id))]);

    /// <summary>
    /// The profile <paramref name="id"/> in <paramref name="version"/>. Without a version (cases received before versions
    /// were recorded) the current profile if it has that id, otherwise the first known one.
    /// </summary>
    public PolicyProfile? Find(string id, string? version) => version is null
        ? _known.FirstOrDefault(p => p.Id == id)
        : _known.FirstOrDefault(p => p.Id == id && p.Version == version);

    /// <summary>The guideline a case follows: the profile and version it was received under.</summary>
    /// <exception cref="UnknownPolicyException">The installation does not have that profile version any more.</exception>
    public PolicyProfile For(CaseFile file) =>
        Find(file.PolicyId, file.PolicyVersion) ?? throw new UnknownPolicyException(file.PolicyId, file.PolicyVersion, this);

    /// <summary>The guideline a case in <paramref name="state"/> follows; the current one for a case not yet received.</summary>
    public PolicyProfile For(CaseState state) => state is RegisteredCase registered ? For(registered.File) : Current;
}

/// <summary>A case follows a profile version the installation does not have: its file belongs in the policy archive.</summary>
public sealed class UnknownPolicyException(string id, string? version, PolicyCatalog catalog)
    : Exception($"A case follows the guideline '{id}' version {version ?? "(unrecorded)"}, which this installation does not have " +
        $"(known: {string.Join(", ", catalog.Known.Select(p => $"{p.Id} {p.Version}"))}). Put that version's profile file in the folder Iop:PolicyArchive names.");
