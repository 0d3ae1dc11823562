using System.Text.Json;
using System.Text.Json.Serialization;
using Iop.Cases;

namespace Iop.Functions.Api;

/// <summary>A case id in the API is the 32-digit string its URLs use ("c732c319eeed49ffa46486e611fdff88"), not an object.</summary>
internal sealed class CaseIdJsonConverter : JsonConverter<CaseId>
{
    public override CaseId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && CaseId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("A case id is a string of 32 hexadecimal digits.");

    public override void Write(Utf8JsonWriter writer, CaseId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
