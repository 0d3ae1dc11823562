using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Iop.Bench;

/// <summary>
/// One version of the app, published into a folder of its own: a commit extracted with <c>git archive</c> (no
/// worktree, nothing changes in the repository), or the working tree the bench runs from.
/// </summary>
/// <param name="Label">before or after.</param>
/// <param name="Description">The commit (and whether local changes are included).</param>
/// <param name="AppDll">The published <c>Iop.Functions.dll</c>.</param>
/// <param name="BenchDll">That version's own <c>Iop.Bench.dll</c> (for its storage benchmark).</param>
/// <param name="SourceRoot">The source tree (holds <c>node_modules</c>, so that version's bench finds Azurite).</param>
internal sealed record AppBuild(string Label, string Description, string AppDll, string BenchDll, string SourceRoot)
{
    /// <summary>Publishes <paramref name="source"/> (a commit-ish, or "." for the working tree) for <paramref name="label"/>.</summary>
    public static async Task<AppBuild> PrepareAsync(string label, string source, string repoRoot, string work)
    {
        if (source == ".")
        {
            var head = (await Shell.RunAsync("git", ["rev-parse", "--short", "HEAD"], repoRoot)).Trim();
            var dirty = (await Shell.RunAsync("git", ["status", "--porcelain", "--", "src"], repoRoot)).Trim().Length > 0;
            var appDir = Path.Combine(work, $"{label}-working-tree", "app");
            Console.WriteLine($"  {label}: publishing the working tree ({head}{(dirty ? " + local changes in src/" : "")}) to {appDir}");
            await Shell.RunAsync("dotnet", ["publish", Path.Combine(repoRoot, "src", "Iop.Functions", "Iop.Functions.csproj"), "-c", "Release", "-o", appDir, "--nologo", "-v", "q"], repoRoot);
            return new AppBuild(label, $"{head} (working tree{(dirty ? ", with local changes in src/" : "")})", Path.Combine(appDir, "Iop.Functions.dll"), Path.Combine(AppContext.BaseDirectory, "Iop.Bench.dll"), repoRoot);
        }

        var commit = (await Shell.RunAsync("git", ["rev-parse", "--verify", source + "^{commit}"], repoRoot)).Trim();
        var dir = Path.Combine(work, $"{label}-{commit[..7]}");
        var src = Path.Combine(dir, "src");
        var app = Path.Combine(dir, "app");
        var bench = Path.Combine(src, "bench", "Iop.Bench", "bin", "Release", "net10.0", "Iop.Bench.dll");
        var built = Path.Combine(dir, ".built");
        if (!File.Exists(built))
        {
            Console.WriteLine($"  {label}: extracting {commit[..7]} to {src} and publishing it");
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }

            Directory.CreateDirectory(src);
            await Shell.RunAsync("bash", ["-c", $"git -C '{repoRoot}' archive {commit} | tar -x -C '{src}'"], repoRoot);

            // The build installs Azurite with npm ci unless node_modules is there: share the repository's.
            Directory.CreateSymbolicLink(Path.Combine(src, "node_modules"), Path.Combine(repoRoot, "node_modules"));
            await Shell.RunAsync("dotnet", ["publish", Path.Combine(src, "src", "Iop.Functions", "Iop.Functions.csproj"), "-c", "Release", "-o", app, "--nologo", "-v", "q"], src);
            await Shell.RunAsync("dotnet", ["build", Path.Combine(src, "bench", "Iop.Bench", "Iop.Bench.csproj"), "-c", "Release", "--nologo", "-v", "q"], src);
            await File.WriteAllTextAsync(built, commit);
        }
        else
        {
            Console.WriteLine($"  {label}: {commit[..7]} already published in {dir}");
        }

        var subject = (await Shell.RunAsync("git", ["log", "-1", "--format=%s", commit], repoRoot)).Trim();
        return new AppBuild(label, $"{commit[..7]} ({(subject.Length > 60 ? subject[..60] + "…" : subject)})", Path.Combine(app, "Iop.Functions.dll"), bench, src);
    }
}

/// <summary>The app as a child process (<c>dotnet Iop.Functions.dll</c>, Development) on a storage connection string.</summary>
internal sealed class RunningApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private RunningApp(Process process, StreamWriter log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public static async Task<RunningApp> StartAsync(AppBuild build, string connectionString, IReadOnlyDictionary<string, string> settings, string logPath)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(build.AppDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(build.AppDll);

        // The address as an argument, not ASPNETCORE_URLS: the after version's local durable backend is a second host in
        // the process, which would read the variable too.
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Storage"] = connectionString,
            ["Storage__StartAzurite"] = "false",
            ["Portal__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Iop__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Telemetry__Console"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false, Encoding.UTF8) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new RunningApp(process, log, new Uri($"http://127.0.0.1:{port}"));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"The {build.Label} app exited at start; see {logPath}:\n{Tail(logPath)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(app.BaseAddress, "/api/initiatives/policy"));
                if (response.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(90))
            {
                await app.DisposeAsync();
                throw new InvalidOperationException($"The {build.Label} app did not answer within 90 s; see {logPath}:\n{Tail(logPath)}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The process's memory and CPU time as the kernel reports them (/proc).</summary>
    public ProcessSample Sample()
    {
        var status = File.ReadAllLines($"/proc/{ProcessId}/status");
        long Kb(string[] lines, string name) => lines.Where(l => l.StartsWith(name + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(name.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        var rollup = File.ReadAllLines($"/proc/{ProcessId}/smaps_rollup");
        var stat = File.ReadAllText($"/proc/{ProcessId}/stat");

        // Fields after the command name (which may hold spaces) start at ") ": utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessSample(
            Kb(status, "VmRSS") / 1024.0,
            (Kb(rollup, "Private_Clean") + Kb(rollup, "Private_Dirty")) / 1024.0,
            Kb(status, "RssAnon") / 1024.0,
            ticks / 100.0,
            (int)Kb(status, "Threads"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private static string Tail(string path) => string.Join('\n', File.ReadLines(path).TakeLast(40));

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <param name="RssMb">Resident set (VmRSS).</param>
/// <param name="PrivateMb">Private pages in memory (Private_Clean + Private_Dirty of smaps_rollup), as "private bytes".</param>
/// <param name="AnonMb">Anonymous resident memory (RssAnon): the managed heap and native allocations.</param>
/// <param name="CpuSeconds">User + system CPU time so far.</param>
/// <param name="Threads">Threads.</param>
internal sealed record ProcessSample(double RssMb, double PrivateMb, double AnonMb, double CpuSeconds, int Threads);

/// <summary>Runs a command to completion; a failure throws with its output.</summary>
internal static class Shell
{
    public static async Task<string> RunAsync(string file, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        return await output;
    }
}
