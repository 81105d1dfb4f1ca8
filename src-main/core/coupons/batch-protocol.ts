// What the main thread and the batch worker tell each other.

export type BatchTask =
  | {
      kind: 'issue';
      databaseFile: string;
      migrationsDir?: string;
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
      databaseFile: string;
      migrationsDir?: string;
      batchId: string;
      format: 'csv' | 'xlsx';
      file: string;
      total: number;
      timeZone: string;
      issuedAt: number;
    };

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'finished'; done: number; cancelled: boolean }
  | { type: 'failed'; message: string };
