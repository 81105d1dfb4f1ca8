// What the main thread and the batch worker tell each other (beside what every worker job is
// given: see platform/worker-job.ts).

/** Every task carries this till's signing keys, opened by the main thread's sealer. */
export type BatchTask = (
  | {
      kind: 'issue';
      batchId: string;
      templateId: string;
      count: number;
      storeId: string | null;
      timeZone: string;
      /** Every code of a batch is issued "at" the moment the batch was started. */
      issuedAt: number;
    }
  | {
      kind: 'export';
      batchId: string;
      format: 'csv' | 'xlsx';
      file: string;
      total: number;
      timeZone: string;
      issuedAt: number;
    }
) & { ownKeys?: { kid: string; secret: string }[] };

export type BatchWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'finished'; done: number; cancelled: boolean }
  | { type: 'failed'; message: string };

/** How a batch ended (a crashed worker counts as failed). */
export type BatchEnd = Extract<BatchWorkerMessage, { type: 'finished' | 'failed' }>;
