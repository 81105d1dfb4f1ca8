import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

// `npm start` as a newcomer runs it, on whatever `node` the machine has (Debian's is often 20,
// on which better-sqlite3 crashes without a word): the app serves, or one line says what to
// install. Never a signal exit. Runs after the build, like the other specs, so it does not build.

const ROOT = path.resolve(import.meta.dirname, '../..');
const READY_LINE = /StoreDesk listening on (http:\/\/\S+)/;
const CLEAR_LINE =
  /StoreDesk needs Node\.js 22\.12 or newer; this is Node\.js v[\d.]+\. Run `npm ci`/;

/** The first `node` on PATH that is not one of node_modules (npm scripts put the project's first). */
function machineNode(): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || dir.includes(`node_modules${path.sep}.bin`)) continue;
    const candidate = path.join(dir, process.platform === 'win32' ? 'node.exe' : 'node');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

const NODE = machineNode();
const majorOf = (node: string) =>
  Number(
    spawnSync(node, ['-p', 'process.versions.node.split(".")[0]'], {
      encoding: 'utf8',
    }).stdout.trim(),
  );

/** Runs a script on a node until it prints one of the lines or exits; stops it then. */
async function runUntil(node: string, args: string[], lines: RegExp[]) {
  const child = spawn(node, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const seen = await new Promise<boolean>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (lines.some((line) => line.test(output))) resolve(true);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exit.then(() => resolve(false));
  });
  if (seen && child.exitCode === null) child.kill('SIGTERM');
  return { output, ...(await exit), stoppedByUs: seen };
}

test.skip(!NODE, 'no node on PATH outside node_modules');

test('npm start on the machine’s own node serves the app, or says in one line what to install', async () => {
  test.setTimeout(60_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-node-runtime-'));
  try {
    const run = await runUntil(
      NODE!,
      ['scripts/start.mjs', '--serve', '--port', '0', '--data-dir', dataDir],
      [READY_LINE, CLEAR_LINE],
    );
    // A crash of the native module would be SIGSEGV (status 139 in a shell), before any line.
    expect(run.signal === null || run.stoppedByUs, run.output).toBe(true);
    expect(run.output).toMatch(new RegExp(`${READY_LINE.source}|${CLEAR_LINE.source}`));
    // With `npm ci` done, the project brings its Node: the machine's node, however old, serves.
    if (fs.existsSync(path.join(ROOT, 'node_modules/node/bin')))
      expect(run.output).toMatch(READY_LINE);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an old node without the project’s own Node gets the line, not a crash', async () => {
  test.skip(majorOf(NODE!) >= 22, `the machine's node is ${majorOf(NODE!)}: nothing to refuse`);
  // The launcher's check, copied where no node_modules holds a Node to run again on.
  const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-no-runtime-'));
  try {
    fs.mkdirSync(path.join(bare, 'scripts'));
    fs.copyFileSync(
      path.join(ROOT, 'scripts/node-runtime.mjs'),
      path.join(bare, 'scripts/node-runtime.mjs'),
    );
    const run = spawnSync(NODE!, ['scripts/node-runtime.mjs'], { cwd: bare, encoding: 'utf8' });
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(CLEAR_LINE);
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
  } finally {
    fs.rmSync(bare, { recursive: true, force: true });
  }
});
