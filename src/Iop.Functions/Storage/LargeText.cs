using Azure.Data.Tables;

namespace Iop.Functions.Storage;

/// <summary>
/// A table property holds at most 64 KiB (32K UTF-16 characters); long JSON (an initiative with two 8,000-character
/// descriptions, a long history of assessments) is spread over numbered columns <c>Json0</c>, <c>Json1</c>, ….
/// </summary>
internal static class LargeText
{
    private const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string name, string text)
    {
        var chunks = text.Chunk(ChunkLength).Select(c => new string(c)).ToArray();
        for (var i = 0; i < Math.Max(chunks.Length, 1); i++)
        {
            entity[name + i] = chunks.Length == 0 ? "" : chunks[i];
        }

        entity[name + "Chunks"] = Math.Max(chunks.Length, 1);
    }

    public static string Read(TableEntity entity, string name)
    {
        var count = entity.GetInt32(name + "Chunks") ?? 1;
        return string.Concat(Enumerable.Range(0, count).Select(i => entity.GetString(name + i)));
    }
}
