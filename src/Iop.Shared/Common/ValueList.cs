using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iop.Common;

/// <summary>
/// An immutable list with value equality, so that records holding lists (events, states)
/// compare by content: a replayed state equals the state it was rebuilt from.
/// </summary>
[JsonConverter(typeof(ValueListJsonConverterFactory))]
[System.Runtime.CompilerServices.CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    /// <summary>Creates a list holding a copy of <paramref name="items"/>.</summary>
    public ValueList(IEnumerable<T> items) => _items = [.. items];

    /// <summary>The empty list.</summary>
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(ValueList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.SequenceEqual(other._items));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => Equals(left, right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !Equals(left, right);

    /// <inheritdoc />
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Creates <see cref="ValueList{T}"/>s.</summary>
public static class ValueList
{
    /// <summary>A value list of the given items.</summary>
    public static ValueList<T> Of<T>(params T[] items) => new(items);

    /// <summary>Builds value lists from collection expressions: <c>ValueList&lt;string&gt; items = ["a", "b"];</c>.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? ValueList<T>.Empty : new ValueList<T>(items.ToArray());

    /// <summary>A value list of the given items.</summary>
    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}

internal sealed class ValueListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueListJsonConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

internal sealed class ValueListJsonConverter<T> : JsonConverter<ValueList<T>>
{
    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize<T[]>(ref reader, options) ?? []);

    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToArray(), options);
}

