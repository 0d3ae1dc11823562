using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Iop.Functions.Storage.Cases;

/// <summary>
/// The stored name of an event's or effect's type, as its <see cref="JsonDerivedTypeAttribute"/> gives it: stable
/// across renames of the class, so a <c>Type</c> column can be queried for as long as the history is kept.
/// </summary>
internal static class TypeDiscriminator<TBase>
    where TBase : class
{
    private static readonly FrozenDictionary<Type, string> Names = typeof(TBase)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToFrozenDictionary(a => a.DerivedType, a => a.TypeDiscriminator?.ToString() ?? a.DerivedType.Name);

    public static string Of(TBase value) =>
        Names.TryGetValue(value.GetType(), out var name)
            ? name
            : throw new InvalidOperationException($"{value.GetType().Name} has no [JsonDerivedType] discriminator on {typeof(TBase).Name}; it could not be read back.");
}
