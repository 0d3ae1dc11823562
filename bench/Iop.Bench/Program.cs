using System.Globalization;
using Azure.Data.Tables;
using Iop.Bench;
using Iop.Functions.Storage.Azurite;

// Storage benchmark on one in-memory Azurite: raw two-entity transactions (the limit) against
// case commands through the store (load, decide, commit). Usage: dotnet run -c Release --project bench/Iop.Bench [seconds] [workers]
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var workers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;

await using var azurite = await AzuriteProcess.StartInMemoryAsync();
var tables = new TableServiceClient(azurite.ConnectionString);
Console.WriteLine($"Azurite (in memory) · {workers} workers · {seconds} s per measurement after a {StorageBenchmarks.Warmup.TotalSeconds:0} s warm-up · {Environment.ProcessorCount} cores");

var raw = await StorageBenchmarks.RawTransactionsAsync(tables, workers, TimeSpan.FromSeconds(seconds));
var commands = await StorageBenchmarks.CaseCommandsAsync(tables, azurite, workers, TimeSpan.FromSeconds(seconds));
var cold = await StorageBenchmarks.CaseCommandsAsync(tables, azurite, workers, TimeSpan.FromSeconds(seconds), coldCache: true);

Console.WriteLine();
Console.WriteLine($"{"measurement",-42} {"ops/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}");
Console.WriteLine(raw);
Console.WriteLine(commands);
Console.WriteLine(cold);
Console.WriteLine();
Console.WriteLine($"commands/s ÷ raw transactions/s = {commands.PerSecond / raw.PerSecond:P0} (target ≥ 70 %); command p99 = {commands.P99:0.0} ms (target < 25 ms)");
