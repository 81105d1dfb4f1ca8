// The Node.js StoreDesk runs on. better-sqlite3's prebuilt binary needs Node 22.12 or newer: under
// an older node the process dies of a segmentation fault without a word. So the entry points ask
// here first, before anything native is loaded. On an older node they run again on the Node that
// `npm ci` put in node_modules (the `node` dev dependency, which npm scripts find first on PATH
// anyway); where there is none, one line says what to install. Only Node built-ins here, and
// syntax an old node still parses.
//
//   node scripts/node-runtime.mjs            exit 0 on a usable node, else the line and exit 1
//   node scripts/node-runtime.mjs --install  the same for `npm ci` (a node that can install)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the app needs at run time (better-sqlite3 13), and what installing it needs. */
export const RUNTIME_MIN = [22, 12];
export const INSTALL_MIN = [18, 17];

const versionOf = (text) => text.replace(/^v/, '').split('.').map(Number);
const atLeast = (version, min) =>
  version[0] > min[0] || (version[0] === min[0] && version[1] >= min[1]);
const shown = (min) => min.join('.');

/** The Node that `npm ci` installed with the project (node_modules/node), if any. */
export function bundledNode() {
  const binary = path.join(
    root,
    'node_modules/node/bin',
    process.platform === 'win32' ? 'node.exe' : 'node',
  );
  return fs.existsSync(binary) ? binary : null;
}

function tooOld(min, what) {
  console.error(
    `StoreDesk ${what} Node.js ${shown(min)} or newer; this is Node.js ${process.version}. ` +
      `Run \`npm ci\` (it brings Node 24 into node_modules) or install Node.js 24 from https://nodejs.org.`,
  );
  process.exit(1);
}

/**
 * Call first in an entry point. On a usable node it returns; on an older one it runs the same
 * script with the same arguments on the project's own Node and exits with its status.
 */
export function ensureSupportedNode() {
  if (atLeast(versionOf(process.version), RUNTIME_MIN)) return;
  const binary = bundledNode();
  const version = binary && spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout;
  if (!version || !atLeast(versionOf(version.trim()), RUNTIME_MIN)) tooOld(RUNTIME_MIN, 'needs');
  const again = spawnSync(binary, process.argv.slice(1), { stdio: 'inherit' });
  if (again.signal) process.kill(process.pid, again.signal);
  process.exit(again.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--install')) {
    if (!atLeast(versionOf(process.version), INSTALL_MIN)) tooOld(INSTALL_MIN, 'installs with');
    if (!atLeast(versionOf(process.version), RUNTIME_MIN))
      console.log(
        `StoreDesk: installing on Node.js ${process.version}; the app will run on the Node 24 this ` +
          'install puts in node_modules (the engine warnings about Node 22 concern that one).',
      );
  } else ensureSupportedNode();
}
