using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iop.Functions.Storage;

/// <summary>How events, states and effects are written to storage: camelCase JSON, enums by name (so reordering an enum never rewrites history).</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
