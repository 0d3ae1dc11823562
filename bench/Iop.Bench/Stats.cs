using System.Globalization;

namespace Iop.Bench;

/// <summary>Nearest-rank percentiles, as the storage benchmark computes them.</summary>
internal sealed record Stats(int Count, double P50, double P90, double P99, double Max, double Min)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
        return new Stats(sorted.Length, P(0.5), P(0.9), P(0.99), sorted.Length == 0 ? double.NaN : sorted[^1], sorted.Length == 0 ? double.NaN : sorted[0]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"n={Count} min {Min:0} · p50 {P50:0} · p90 {P90:0} · p99 {P99:0} · max {Max:0} ms");
}
