// Long work runs in a worker_threads worker with its own SQLite connection (no call on the main
// thread holds SQLite for more than ~16 ms). Both halves of every such job live here: the main
// thread's launcher and the worker's start, so each feature writes only its task and its work.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { WriteIntent } from '../db/database';
import { openDatabase } from '../db/open';
import { createMemoryLogger, type Logger } from '../../../src-node/logger';

/** Where a worker opens its own connection: the shop database and its migrations. */
export interface WorkerDatabase {
  databaseFile: string;
  migrationsDir?: string;
}

/**
 * The script a worker runs. The build bundles it beside the main code under the name of its entry
 * in electron.vite.config.ts; under tsx and vitest the TypeScript source runs (through tsx).
 */
export interface WorkerScript {
  /** The entry's name in electron.vite.config.ts, e.g. 'analytics-worker'. */
  bundle: string;
  /** The source, relative to `caller`, e.g. './worker.ts'. */
  source: string;
  /** The `import.meta.url` of the module that names the source. */
  caller: string;
}

/** What every worker receives: its task, its database, and the main thread's write counter. */
interface WorkerJobData<Task> extends WorkerDatabase {
  task: Task;
  /** Chunked writers step aside between two chunks while the main thread writes (WriteIntent). */
  mainWrites: SharedArrayBuffer;
}

/** What every worker posts: progress while it works, then one last word, finished or failed. */
export type WorkerJobMessage = { type: 'progress' } | { type: 'finished' } | { type: 'failed' };

/** A worker that ended without its last word: it crashed, or it exited (or was terminated). */
export interface WorkerCrash {
  type: 'crashed';
  /** The uncaught error's message, or 'EXITED'. */
  reason: string;
}

/** How a job ended: the worker's last word, or its crash. Reported once. */
export type WorkerJobEnd<M extends WorkerJobMessage> =
  Extract<M, { type: 'finished' | 'failed' }> | WorkerCrash;

/** A running worker job, as its launcher keeps it. */
export interface LaunchedWorkerJob {
  /** Tells the worker something (e.g. 'cancel'). */
  post(message: unknown): void;
  terminate(): void;
  /** Resolves once the end has been reported. */
  ended: Promise<void>;
  /** Resolves once the worker thread has stopped (its connection closed). */
  exited: Promise<void>;
}

let bundlesDir: string | null = null;

/**
 * Runs the built worker bundles in `dir` (out/main) even when this code runs from source: the
 * benches time the workers the app ships, not tsx compiling them. Tests never call it (a bundle
 * older than the source would test old code).
 */
export function useBuiltWorkers(dir: string) {
  bundlesDir = dir;
}

function resolveScript(script: WorkerScript): { file: string; execArgv: string[] } {
  // The bundle sits in out/main; this code in a file there or in a chunk one folder below.
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.join(here, '..'), ...(bundlesDir ? [bundlesDir] : [])]) {
    const bundled = path.join(dir, `${script.bundle}.js`);
    if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  }
  return {
    file: fileURLToPath(new URL(script.source, script.caller)),
    execArgv: ['--import', 'tsx'],
  };
}

/**
 * Starts `script` on `task` in a worker thread with its own connection to `database` and the
 * main thread's write counter. Progress goes to `onProgress`; `onEnd` hears once how it ended:
 * its last word, or a crash (an uncaught error, which is logged, or an exit without a word).
 */
export function launchWorkerJob<Task, M extends WorkerJobMessage>(options: {
  script: WorkerScript;
  task: Task;
  database: WorkerDatabase;
  writeIntent: WriteIntent;
  logger: Logger;
  onProgress: (message: Extract<M, { type: 'progress' }>) => void;
  onEnd: (end: WorkerJobEnd<M>) => void;
}): LaunchedWorkerJob {
  const { file, execArgv } = resolveScript(options.script);
  const data: WorkerJobData<Task> = {
    task: options.task,
    databaseFile: options.database.databaseFile,
    migrationsDir: options.database.migrationsDir,
    mainWrites: options.writeIntent.buffer,
  };
  const worker = new Worker(file, { workerData: data, execArgv });
  let reportEnded!: () => void;
  const ended = new Promise<void>((resolve) => (reportEnded = resolve));
  let reported = false;
  const end = (how: WorkerJobEnd<M>) => {
    if (reported) return;
    reported = true;
    try {
      options.onEnd(how);
    } finally {
      reportEnded();
    }
  };
  const exited = new Promise<void>((resolve) => {
    worker.on('message', (message: M) => {
      if (message.type === 'progress')
        options.onProgress(message as Extract<M, { type: 'progress' }>);
      else end(message as Extract<M, { type: 'finished' | 'failed' }>);
    });
    worker.on('error', (error) => {
      options.logger.error('worker crashed', { worker: options.script.bundle, error });
      end({ type: 'crashed', reason: error.message });
    });
    worker.on('exit', () => {
      try {
        end({ type: 'crashed', reason: 'EXITED' });
      } finally {
        resolve();
      }
    });
  });
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    ended,
    exited,
  };
}

/**
 * In the worker: the task it was given, its own connection (migrated like the main one, backups
 * beside the database), the main thread's write counter, and how to report to the launcher.
 */
export async function startWorkerJob<Task, M extends WorkerJobMessage>() {
  const data = workerData as WorkerJobData<Task>;
  const { sqlite, db } = await openDatabase({
    file: data.databaseFile,
    backupDir: path.join(path.dirname(data.databaseFile), 'backups'),
    migrationsDir: data.migrationsDir,
    logger: createMemoryLogger(),
  });
  return {
    task: data.task,
    sqlite,
    db,
    mainWrites: new WriteIntent(data.mainWrites),
    post: (message: M) => parentPort!.postMessage(message),
  };
}
