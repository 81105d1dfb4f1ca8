import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';
import type { ClockMove, ClockMoved } from '../../src-node/test-clock';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVE_SCRIPT = path.join(ROOT, 'out/main/serve.js');
const RENDERER_INDEX = path.join(ROOT, 'out/renderer/index.html');
const READY_LINE = /StoreDesk listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;

export interface E2eServer {
  /** http://127.0.0.1:<port> */
  url: string;
  dataDir: string;
  /** Moves the server's clock forward (started with `testClock`); resolves with its new now. */
  advanceClock(ms: number): Promise<number>;
  stop(): Promise<void>;
}

export interface E2eServerOptions {
  /** The server's clock can be moved by the test (`--test-clock`, over the IPC channel). */
  testClock?: boolean;
}

/**
 * `node out/main/serve.js --port 0` over a fresh data folder: the real app (SQLite, HTTP API,
 * built renderer) exactly as browser mode runs it. Resolves once it prints its address.
 */
export async function startE2eServer(options: E2eServerOptions = {}): Promise<E2eServer> {
  if (!fs.existsSync(SERVE_SCRIPT) || !fs.existsSync(RENDERER_INDEX))
    throw new Error('The app is not built (out/main/serve.js, out/renderer): run npm run build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-e2e-'));
  const args = [SERVE_SCRIPT, '--port', '0', '--data-dir', dataDir];
  const child = spawn(process.execPath, options.testClock ? [...args, '--test-clock'] : args, {
    cwd: ROOT,
    stdio: options.testClock ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    advanceClock: (ms) => advanceClock(child, ms),
    stop: () => stopServer(child, dataDir),
  };
}

export function advanceClock(child: ChildProcess, ms: number): Promise<number> {
  if (!child.send) throw new Error('the e2e server was started without testClock');
  return new Promise((resolve) => {
    const onMessage = (message: ClockMoved) => {
      if (message?.type !== 'clock.moved') return;
      child.off('message', onMessage);
      resolve(message.now);
    };
    child.on('message', onMessage);
    const move: ClockMove = { type: 'clock.advance', ms };
    child.send!(move);
  });
}

async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * One server for the spec file that calls this at its top level: started before its first
 * test, stopped after its last. Read `.url` inside tests.
 */
export function serverForThisFile(options: E2eServerOptions = {}): {
  readonly url: string;
  /** The server's data folder (a spec may read its SQLite files, read-only). */
  readonly dataDir: string;
  advanceClock(ms: number): Promise<number>;
} {
  let server: E2eServer | undefined;
  test.beforeAll(async () => {
    server = await startE2eServer(options);
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the e2e server is not running');
      return server.url;
    },
    get dataDir() {
      if (!server) throw new Error('the e2e server is not running');
      return server.dataDir;
    },
    advanceClock(ms: number) {
      if (!server) throw new Error('the e2e server is not running');
      return server.advanceClock(ms);
    },
  };
}
