import fs from 'node:fs';
import path from 'node:path';

// The data folder holds the shop's database (members' phones, signing keys, the cloud token),
// its backups, exports and logs: only the user running StoreDesk may read any of it. Modes are
// POSIX only; on Windows the folder under %APPDATA% is already the user's own.

const POSIX = process.platform !== 'win32';
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its parents) if needed and makes it the user's alone. */
export function privateFolder(dir: string): string {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) fs.chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/**
 * Makes a file the user's alone: an existing one is chmodded; a missing one is created empty
 * with that mode, so whatever writes it next (SQLite, an export) keeps it.
 */
export function privateFile(file: string): string {
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  if (POSIX) fs.chmodSync(file, PRIVATE_FILE_MODE);
  return file;
}

/**
 * A folder and everything in it, to the private modes: for data folders made by an older
 * version (folders 755, files 644). Symlinks are left alone.
 */
export function privateTree(dir: string): void {
  if (!POSIX || !fs.existsSync(dir)) return;
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) privateTree(full);
    else if (entry.isFile()) fs.chmodSync(full, PRIVATE_FILE_MODE);
  }
}
