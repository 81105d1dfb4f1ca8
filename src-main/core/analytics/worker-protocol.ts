// What the main thread and the analytics worker tell each other.

export type AnalyticsTask =
  | { kind: 'rebuild'; databaseFile: string; migrationsDir?: string }
  | {
      kind: 'demo';
      databaseFile: string;
      migrationsDir?: string;
      days: number;
      seed: number;
      now: number;
    };

export type AnalyticsWorkerMessage =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'finished'; summary: Record<string, number> }
  | { type: 'failed'; message: string };
