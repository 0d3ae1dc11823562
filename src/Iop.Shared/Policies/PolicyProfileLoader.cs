using System.Text.Json;

namespace Iop.Policies;

/// <summary>Reads and validates policy profiles. A profile that fails validation is never used.</summary>
public static class PolicyProfileLoader
{
    /// <summary>The id of the default profile: Mora's guideline of 2023.</summary>
    public const string DefaultProfileId = "mora-2023";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The built-in profiles' ids.</summary>
    public static IReadOnlyList<string> BuiltInIds { get; } = typeof(PolicyProfileLoader).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    private const string ResourcePrefix = "Iop.Policies.Profiles.";

    /// <summary>Loads a built-in profile by id; throws <see cref="InvalidPolicyProfileException"/> if it is invalid.</summary>
    public static PolicyProfile LoadBuiltIn(string id = DefaultProfileId)
    {
        using var stream = typeof(PolicyProfileLoader).Assembly.GetManifestResourceStream(ResourcePrefix + id + ".json")
            ?? throw new InvalidPolicyProfileException(id, [$"id: no built-in profile is called '{id}' (built in: {string.Join(", ", BuiltInIds)})"]);
        using var reader = new StreamReader(stream);
        return ParseOrThrow(reader.ReadToEnd(), id);
    }

    /// <summary>Parses a profile and throws <see cref="InvalidPolicyProfileException"/> naming every bad field.</summary>
    public static PolicyProfile ParseOrThrow(string json, string source)
    {
        var (profile, errors) = Parse(json);
        return profile ?? throw new InvalidPolicyProfileException(source, errors);
    }

    /// <summary>Parses and validates a profile: either the profile, or the errors naming each bad field.</summary>
    public static (PolicyProfile? Profile, IReadOnlyList<string> Errors) Parse(string json)
    {
        PolicyProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<PolicyProfile>(json, Options);
        }
        catch (JsonException e)
        {
            return (null, [$"{FieldName(e.Path)}: {FirstSentence(e.Message)}"]);
        }

        if (profile is null)
        {
            return (null, ["$: the profile is empty"]);
        }

        var errors = PolicyProfileValidator.Validate(profile);
        return errors.Count == 0 ? (profile, errors) : (null, errors);
    }

    private static string FieldName(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "$" : path.TrimStart('$', '.');

    private static string FirstSentence(string message)
    {
        // "JSON deserialization for type 'Iop.Policies.PolicyProfile' was missing required properties including: 'version', 'name'."
        const string Missing = "was missing required properties including: ";
        if (message.IndexOf(Missing, StringComparison.Ordinal) is var at and >= 0)
        {
            return "missing required fields: " + message[(at + Missing.Length)..].Split(" Path:")[0].TrimEnd('.');
        }

        // "The JSON value could not be converted to Iop.Policies.Criterion." names a .NET type nobody writing a profile knows.
        if (message.StartsWith("The JSON value could not be converted to", StringComparison.Ordinal))
        {
            return "the value has the wrong type (a number, text, true/false, list or object is expected here)";
        }

        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}

/// <summary>A policy profile that failed validation; the message names every bad field.</summary>
public sealed class InvalidPolicyProfileException(string source, IReadOnlyList<string> errors)
    : Exception($"The policy profile '{source}' is invalid: {string.Join("; ", errors)}")
{
    /// <summary>One entry per bad field, each starting with the field's path.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
