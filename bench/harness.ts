// The benchmark harness: each metric is measured beside a baseline from the same run, so the
// numbers mean something on any machine. Prints a table and one JSON line per metric.

export interface Sample {
  /** Milliseconds per operation, one entry per timed operation. */
  durations: number[];
}

export interface Stats {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  opsPerSecond: number;
}

export interface Metric {
  name: string;
  unit: string;
  value: number;
  baselineName: string;
  baseline: number;
  /** value / baseline */
  ratio: number;
  /** The target from the issue, when there is one. */
  target?: string;
  met?: boolean;
  extra?: Record<string, number | string>;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export function stats(durations: number[]): Stats {
  const sorted = [...durations].sort((a, b) => a - b);
  const total = sorted.reduce((sum, d) => sum + d, 0);
  return {
    count: sorted.length,
    meanMs: total / sorted.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    opsPerSecond: sorted.length / (total / 1000),
  };
}

/** Times `operation` `iterations` times after `warmup` untimed runs. */
export async function time(
  operation: (i: number) => unknown | Promise<unknown>,
  { iterations, warmup = Math.ceil(iterations / 10) }: { iterations: number; warmup?: number },
): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await operation(i);
  const durations: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await operation(warmup + i);
    durations.push(performance.now() - start);
  }
  return stats(durations);
}

export function compare(
  name: string,
  measured: Stats,
  baselineName: string,
  baseline: Stats,
  options: { field?: 'p50Ms' | 'p95Ms' | 'p99Ms' | 'meanMs'; target?: string; met?: boolean } = {},
): Metric {
  const field = options.field ?? 'p50Ms';
  return {
    name,
    unit: `ms (${field.replace('Ms', '')})`,
    value: round(measured[field]),
    baselineName,
    baseline: round(baseline[field]),
    ratio: round(measured[field] / baseline[field]),
    target: options.target,
    met: options.met,
    extra: {
      p50Ms: round(measured.p50Ms),
      p95Ms: round(measured.p95Ms),
      p99Ms: round(measured.p99Ms),
      meanMs: round(measured.meanMs),
      baselineP50Ms: round(baseline.p50Ms),
      baselineP95Ms: round(baseline.p95Ms),
      baselineP99Ms: round(baseline.p99Ms),
      baselineMeanMs: round(baseline.meanMs),
      opsPerSecond: Math.round(measured.opsPerSecond),
      count: measured.count,
    },
  };
}

export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export function report(metrics: Metric[]): void {
  const rows = metrics.map((m) => ({
    metric: m.name,
    value: `${m.value} ${m.unit}`,
    baseline: `${m.baseline} (${m.baselineName})`,
    ratio: `${m.ratio}×`,
    target: m.target ? `${m.target} ${m.met ? '✓' : '✗'}` : '',
  }));
  console.table(rows);
  for (const metric of metrics) console.log(JSON.stringify({ type: 'metric', ...metric }));
}
