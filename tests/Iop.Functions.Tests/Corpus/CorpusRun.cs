using System.Text.RegularExpressions;

namespace Iop.Functions.Tests.Corpus;

/// <summary>Runs one corpus entry and reports everything it broke in one message.</summary>
internal static partial class CorpusRun
{
    /// <summary>
    /// Sends the entry and checks its answer and the world: no 5xx (a 4xx where it must refuse), nothing reflected
    /// unescaped, every case's record as it was, no new blob its record does not name, no case added.
    /// </summary>
    public static async Task RunAsync(CorpusWorld world, CorpusEntry entry)
    {
        // The world as the previous entry left it, unless that entry failed half-way or changed it.
        var before = world.LastMark ?? await world.MarkAsync();
        world.LastMark = null;
        using var response = await entry.Send(world);
        var body = await response.Content.ReadAsStringAsync();
        var after = await world.MarkAsync();

        var failures = new List<string>();
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            failures.Add($"answered {status}: {Excerpt(body)}");
        }
        else if (entry.MustRefuse && status < 400)
        {
            failures.Add($"answered {status}, not a refusal (4xx)");
        }

        if (body.Contains(Hostile.Script, StringComparison.Ordinal))
        {
            failures.Add("the answer carries the script unescaped");
        }

        var changed = new List<string>();
        foreach (var (name, mark) in after.Cases)
        {
            var was = before.Cases[name];
            if (!mark.SameRecord(was))
            {
                changed.Add(name);
                if (name != entry.MayChange)
                {
                    failures.Add($"case {name} changed: version {was.Version} → {mark.Version}, last event {was.LastEvent} → {mark.LastEvent}, {was.Stage} → {mark.Stage}");
                }
            }

            if (mark.Blobs.Except(was.Blobs).ToList() is { Count: > 0 } added && await world.OrphansAsync(name, added) is { Count: > 0 } orphans)
            {
                changed.Add(name);
                failures.Add($"case {name} has {orphans.Count} blob(s) its record does not name: {string.Join(", ", orphans.Take(3))}");
            }

            if (was.Blobs.Except(mark.Blobs).ToList() is { Count: > 0 } gone)
            {
                failures.Add($"case {name} lost {gone.Count} blob(s): {string.Join(", ", gone.Take(3))}");
            }
        }

        if (after.CaseCount != before.CaseCount)
        {
            failures.Add($"the app holds {after.CaseCount - before.CaseCount} case(s) more");
        }

        if (entry.Then is not null)
        {
            try
            {
                await entry.Then(world, response, body);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                failures.Add(e.Message);
            }
        }

        foreach (var name in changed.Distinct())
        {
            await world.RestoreAsync(name);
        }

        world.LastMark = changed.Count == 0 && after.CaseCount == before.CaseCount ? after : null;

        var known = entry.Known is null ? "" : $" [known: {entry.Known}]";
        Assert.True(failures.Count == 0, $"{entry.Name}{known}:\n- {string.Join("\n- ", failures)}");
    }

    /// <summary>Sends the entry to the app in Production: what its answer shows of the app's insides.</summary>
    public static async Task<IReadOnlyList<string>> LeaksInProductionAsync(CorpusWorld world, CorpusEntry entry)
    {
        using var response = await entry.Send(world);
        var body = await response.Content.ReadAsStringAsync();
        return [.. Leaks(response, body).Select(leak => $"{entry.Name} (answered {(int)response.StatusCode}): {leak}")];
    }

    /// <summary>What an answer in Production must never show: exception types and texts, stack frames, source paths.</summary>
    public static IEnumerable<string> Leaks(HttpResponseMessage response, string body)
    {
        var headers = response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}");
        var text = body + "\n" + string.Join("\n", headers);
        string[] markers = ["Exception", "   at ", ".cs:line", "StackTrace", "\"stack\"", "\"exception\"", "Iop.Functions.", "Iop.Cases.", "Microsoft.AspNetCore.", "/work/", "/src/", AppContext.BaseDirectory];
        return markers.Where(m => text.Contains(m, StringComparison.Ordinal)).Select(m => $"the answer shows '{m.Trim()}': {Around(text, m)}");
    }

    private static string Around(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        var start = Math.Max(0, at - 80);
        return Squeeze(text[start..Math.Min(text.Length, at + marker.Length + 80)]);
    }

    /// <summary>The start of an answer's body on one line: the exception's type and message on a developer error page.</summary>
    private static string Excerpt(string body) => Squeeze(body.Length > 400 ? body[..400] : body);

    private static string Squeeze(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
