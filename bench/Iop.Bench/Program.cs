using System.Globalization;
using Azure.Data.Tables;
using Iop.Bench;
using Iop.Functions.Storage.Azurite;

// Benchmarks on one in-memory Azurite.
// Usage: dotnet run -c Release --project bench/Iop.Bench -- [storage|uploads|list|all] [seconds] [workers]
//        dotnet run -c Release --project bench/Iop.Bench -- workflow [--before 50dcdf8] [--after .] [...] (see WorkflowBenchmarks)
//        dotnet run -c Release --project bench/Iop.Bench -- load [--before 5ba7037] [--after .] [--seconds N] [...] (see LoadBenchmarks)
//        dotnet run -c Release --project bench/Iop.Bench -- report [2000,5000] [warm repeats] (see FollowUpBenchmarks)
var which = args.Length > 0 ? args[0] : "all";
if (which == "workflow")
{
    // Two versions of the app as child processes, each on Azurite instances of its own.
    return await WorkflowBenchmarks.RunAsync(args);
}

if (which == "load")
{
    return await LoadBenchmarks.RunAsync(args);
}

if (which == "report")
{
    // The yearly follow-up on Azurite instances of its own, one per size.
    return await FollowUpBenchmarks.RunAsync(args);
}

var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var workers = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8;

await using var azurite = await AzuriteProcess.StartInMemoryAsync();
Console.WriteLine($"Azurite (in memory) · {Environment.ProcessorCount} cores");

if (which is "storage" or "all")
{
    // Raw two-entity transactions (the limit) against case commands through the store (load, decide, commit).
    var tables = new TableServiceClient(azurite.ConnectionString);
    Console.WriteLine($"\nStorage · {workers} workers · {seconds} s per measurement in {StorageBenchmarks.Rounds} alternating rounds, after a {StorageBenchmarks.Warmup.TotalSeconds:0} s warm-up of each");
    var (raw, commands, cold) = await StorageBenchmarks.CompareAsync(tables, azurite, workers, TimeSpan.FromSeconds(seconds));
    Console.WriteLine($"{"measurement",-42} {"ops/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
    Console.WriteLine(raw);
    Console.WriteLine(commands);
    Console.WriteLine(cold);
    Console.WriteLine($"commands/s ÷ raw transactions/s = {commands.PerSecond / raw.PerSecond:P0} (target ≥ 70 %); command p99 = {commands.P99:0.0} ms (target < 25 ms)");
    Console.WriteLine($"without the decision cache (a process that has not seen the case): {cold.PerSecond / raw.PerSecond:P0} of raw, p99 = {cold.P99:0.0} ms");
}

if (which is "list" or "all")
{
    // The case list: the scan of every snapshot against the index, at 1,000 and 10,000 cases.
    Console.WriteLine("\nCase list · 1,000 and 10,000 cases · scan of the snapshots (before) against the index (after), 5 alternating runs each");
    await CaseListBenchmarks.RunAsync(new TableServiceClient(azurite.ConnectionString), [1_000, 10_000], repeats: 5, Console.WriteLine);
}

if (which is "uploads" or "all")
{
    Console.WriteLine("\nUploads (target: through the app ≥ 80 % of the SDK; memory not growing with file size)");
    foreach (var line in await UploadBenchmarks.RunAsync(azurite, megabytes: 20, repeats: 5))
    {
        Console.WriteLine(line);
    }
}

return 0;
