import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVE_SCRIPT = path.join(ROOT, 'out/main/serve.js');
const RENDERER_INDEX = path.join(ROOT, 'out/renderer/index.html');
const READY_LINE = /StoreDesk listening on (http:\/\/\S+)/;
const START_TIMEOUT_MS = 20_000;

export interface E2eServer {
  /** http://127.0.0.1:<port> */
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * `node out/main/serve.js --port 0` over a fresh data folder: the real app (SQLite, HTTP API,
 * built renderer) exactly as browser mode runs it. Resolves once it prints its address.
 */
export async function startE2eServer(): Promise<E2eServer> {
  if (!fs.existsSync(SERVE_SCRIPT) || !fs.existsSync(RENDERER_INDEX))
    throw new Error('The app is not built (out/main/serve.js, out/renderer): run npm run build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-e2e-'));
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
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
  return { url, dataDir, stop: () => stopServer(child, dataDir) };
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
export function serverForThisFile(): { readonly url: string } {
  let server: E2eServer | undefined;
  test.beforeAll(async () => {
    server = await startE2eServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error('the e2e server is not running');
      return server.url;
    },
  };
}
