import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  workspaces?: string[];
}

interface NodeModuleInfo {
  name: string;
  dependencies?: NodeModuleInfo[];
}

const readPackage = (dir: string): PackageJson =>
  JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;

/**
 * The node_modules that `npm run dist` puts in the installer, found the way electron-builder
 * finds them: its own collector (app-builder-lib, the version pinned beside electron-builder)
 * runs `npm list --omit dev` in the app folder and keeps the desktop package's production graph.
 * Nothing here needs the Electron binary.
 */
async function modulesElectronBuilderShips(): Promise<string[]> {
  const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
  const fromLib = createRequire(fromBuilder.resolve('app-builder-lib'));
  const { getCollectorByPackageManager, PM } = fromBuilder(
    'app-builder-lib/out/node-module-collector',
  );
  const { TmpDir } = fromLib('temp-file');
  const tmp = new TmpDir('storedesk-desktop-deps');
  try {
    const { nodeModules } = await getCollectorByPackageManager(PM.NPM, ROOT, tmp).getNodeModules({
      packageName: readPackage(ROOT).name,
    });
    const names = new Set<string>();
    const walk = (modules: NodeModuleInfo[] = []) => {
      for (const module of modules) {
        names.add(module.name);
        walk(module.dependencies);
      }
    };
    walk(nodeModules);
    return [...names].sort();
  } finally {
    await tmp.cleanup();
  }
}

describe('the desktop package', () => {
  it('ships no dependency that only another workspace package (the cloud, ...) declares', async () => {
    const desktop = readPackage(ROOT);
    const desktopDeps = new Set(Object.keys(desktop.dependencies ?? {}));
    // The cloud's database drivers, named here too so the test cannot pass by a package.json slip.
    const forbidden = new Set(['@electric-sql/pglite', 'pg']);
    for (const dir of desktop.workspaces ?? []) {
      const workspace = readPackage(path.join(ROOT, dir));
      forbidden.add(workspace.name);
      for (const name of Object.keys(workspace.dependencies ?? {}))
        if (!desktopDeps.has(name)) forbidden.add(name);
    }

    const shipped = await modulesElectronBuilderShips();
    // The collector did find the desktop's own tree (an empty list would pass vacuously).
    expect(shipped).toEqual(expect.arrayContaining(['better-sqlite3', 'fastify', 'usb']));
    expect(shipped.filter((name) => forbidden.has(name))).toEqual([]);
  });
});
