using Iop.Common;

namespace Iop.Officials;

/// <summary>
/// The municipality's organisation: its committees (nämnder) with their administrations and its municipal companies
/// (bolag), each with the people the process asks; and the procurement unit (upphandlingsenheten). Configuration, not
/// guideline: it changes with the organisation, and a case keeps a copy of what it was when the case was scoped.
/// </summary>
public sealed class OrganisationDirectory
{
    /// <summary>A directory of <paramref name="organisations"/> and the procurement unit's mailbox.</summary>
    public OrganisationDirectory(IEnumerable<ScopedOrganisation> organisations, Person procurement)
    {
        Organisations = organisations.ToValueList();
        Procurement = procurement;
    }

    /// <summary>Every committee and company, committees first, in configured order.</summary>
    public ValueList<ScopedOrganisation> Organisations { get; }

    /// <summary>The procurement unit, asked for its opinion on criterion 7.</summary>
    public Person Procurement { get; }

    /// <summary>The committees.</summary>
    public IEnumerable<ScopedOrganisation> Committees => Organisations.Where(o => o.Kind == OrganisationKind.Committee);

    /// <summary>The municipal companies.</summary>
    public IEnumerable<ScopedOrganisation> Companies => Organisations.Where(o => o.Kind == OrganisationKind.Company);

    /// <summary>The organisation with the stable id <paramref name="id"/>, if any.</summary>
    public ScopedOrganisation? Find(string? id) => Organisations.FirstOrDefault(o => o.Id == id);

    /// <summary>
    /// What is wrong with a directory, each problem naming its configuration path, e.g.
    /// <c>Organisations:Committees[2]:Head:Email: is not an e-mail address</c>. Empty when it is sound.
    /// </summary>
    public static IReadOnlyList<string> Validate(
        string section, IReadOnlyList<ScopedOrganisation?> committees, IReadOnlyList<ScopedOrganisation?> companies, Person? procurement)
    {
        var errors = new List<string>();
        if (committees.Count + companies.Count == 0)
        {
            errors.Add($"{section}: names no committee or company");
        }

        CheckPerson($"{section}:Procurement", procurement, errors);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (list, name) in new[] { (committees, "Committees"), (companies, "Companies") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"{section}:{name}[{i}]";
                if (list[i] is not { } o)
                {
                    errors.Add($"{path}: is empty");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(o.Id) || !o.Id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                {
                    errors.Add($"{path}:Id: is required, in lower-case letters, digits and '-'");
                }
                else if (!seen.Add(o.Id))
                {
                    errors.Add($"{path}:Id: '{o.Id}' is used twice");
                }

                if (string.IsNullOrWhiteSpace(o.Name))
                {
                    errors.Add($"{path}:Name: is required");
                }

                CheckPerson($"{path}:Head", o.Head, errors);
                CheckPerson($"{path}:Contact", o.Contact, errors);
                CheckPerson($"{path}:Secretary", o.Secretary, errors);
            }
        }

        return errors;
    }

    private static void CheckPerson(string path, Person? person, List<string> errors)
    {
        if (person is null)
        {
            errors.Add($"{path}: is required");
            return;
        }

        if (string.IsNullOrWhiteSpace(person.Name))
        {
            errors.Add($"{path}:Name: is required");
        }

        if (!Email.IsValid(person.Email?.Trim()))
        {
            errors.Add($"{path}:Email: is not an e-mail address");
        }
    }
}
