// What the main thread and the analytics worker tell each other (beside what every worker job is
// given: see platform/worker-job.ts).

export type AnalyticsTask =
  { kind: 'rebuild' } | { kind: 'demo'; days: number; seed: number; now: number };

export type AnalyticsWorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'finished'; summary: Record<string, number> }
  | { type: 'failed'; message: string };
