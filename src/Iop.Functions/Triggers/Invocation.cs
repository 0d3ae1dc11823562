using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iop.Functions.Triggers;

/// <summary>
/// What the Functions host POSTs to <c>/{FunctionName}</c> for a non-HTTP trigger: the trigger's value under its binding
/// name in <see cref="Data"/>, and what the event source says about it in <see cref="Metadata"/>.
/// </summary>
internal sealed record InvocationRequest(Dictionary<string, JsonElement>? Data, Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>
    /// The binding's value as text. A string is unwrapped once more when it is itself a JSON string: the host
    /// serialises a string trigger value with Json.NET before putting it in <c>Data</c>, so a queue message
    /// <c>abc</c> can arrive as <c>"\"abc\""</c>. An object (a timer's schedule status) is its JSON text.
    /// </summary>
    public string? Text(string binding)
    {
        if (Data is null || !Data.TryGetValue(binding, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : value.GetRawText();
        }

        var text = value.GetString();
        if (text is ['"', .., '"'])
        {
            try
            {
                return JsonSerializer.Deserialize<string>(text) ?? text;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return text;
    }

    /// <summary>A metadata value as text (e.g. the queue message's <c>Id</c> or <c>DequeueCount</c>).</summary>
    public string? MetadataText(string key) =>
        Metadata is not null && Metadata.TryGetValue(key, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}

/// <summary>The answer the host expects: output bindings by name (none here), log lines, and a return value.</summary>
internal sealed record InvocationResult(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] string? ReturnValue)
{
    public static InvocationResult Of(string log, string? returnValue = null) => new(new Dictionary<string, object?>(), [log], returnValue);
}
