// Latency percentiles in milliseconds, rounded to the microsecond, by the nearest-rank method: what every tool of
// this benchmark reports (the fixed-rate generator, the timing probe; wrk-report.lua prints the same fields).
export interface Percentiles {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const round = (value: number | undefined) => Math.round((value ?? Number.NaN) * 1000) / 1000;
  let sum = 0;
  for (const value of sorted) sum += value;
  return {
    mean: round(sum / sorted.length),
    p50: round(at(50)),
    p90: round(at(90)),
    p99: round(at(99)),
    p999: round(at(99.9)),
    max: round(sorted[sorted.length - 1]),
  };
}
