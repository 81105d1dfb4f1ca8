#!/usr/bin/env node
// `npm start`: build if the sources changed, then open the Electron app where its binary is
// installed; otherwise serve the same app to a browser from the local API server.
// `npm run serve -- --port <n> --host <h> --data-dir <dir>` always takes the browser mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureSupportedNode } from './node-runtime.mjs';

// Before anything native loads: an older node runs this again on the project's own Node.
ensureSupportedNode();

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const serveOnly = args.includes('--serve');
const passThrough = args.filter((arg) => arg !== '--serve');

const SOURCE_DIRS = ['src-main', 'src-node', 'src-preload', 'src-renderer', 'src-shared'];
const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/serve.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  const outputs = BUILD_OUTPUTS.map((file) => path.join(root, file));
  if (!outputs.every((file) => fs.existsSync(file))) return false;
  const builtAt = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const sourcesAt = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(root, dir))));
  return builtAt >= sourcesAt;
}

/** The Electron binary, if its download ever happened (it cannot on machines without internet). */
function electronBinary() {
  const pathFile = path.join(root, 'node_modules/electron/path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(
    root,
    'node_modules/electron/dist',
    fs.readFileSync(pathFile, 'utf8').trim(),
  );
  return fs.existsSync(binary) ? binary : null;
}

if (!buildIsCurrent()) {
  console.log('Building StoreDesk…');
  const build = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const binary = serveOnly ? null : electronBinary();
if (binary) {
  const child = spawn(binary, [root, ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!serveOnly)
    console.log(
      'The Electron binary is not installed here, so StoreDesk starts in browser mode: the same app, served by the local API server.',
    );
  process.argv = [process.argv[0], path.join(root, 'out/main/serve.js'), ...passThrough];
  await import(pathToFileURL(path.join(root, 'out/main/serve.js')).href);
}
