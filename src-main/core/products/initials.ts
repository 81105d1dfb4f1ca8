import { pinyin } from 'pinyin-pro';
import type { AppDatabase } from '../db/database';

/**
 * The pinyin initials of a product's Chinese name (百花茶 → bhc, 重庆小面 → cqxm), kept beside the
 * name so a cashier finds 百花茶 by typing `bhc`, as every Chinese till allows. Other characters
 * are left out: letters and digits are found in the name itself.
 */
export function nameInitials(name: string): string {
  const runs = name.match(/[\u3400-\u9fff]+/g);
  if (!runs) return '';
  return runs.map(runInitials).join('');
}

/**
 * Initials of one run of Chinese characters, remembered: a catalogue repeats its brands and
 * words (农夫山泉 in twenty names), and pinyin-pro takes ~20 µs a name, most of a 50k import.
 * A run is a unit for pinyin-pro's word matching (no word spans a space or a digit), so the
 * initials of a name are those of its runs, in order.
 */
function runInitials(run: string): string {
  let initials = runCache.get(run);
  if (initials === undefined) {
    initials = pinyin(run, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
      .join('')
      .toLowerCase();
    if (runCache.size >= RUN_CACHE_SIZE) runCache.clear();
    runCache.set(run, initials);
  }
  return initials;
}

const RUN_CACHE_SIZE = 50_000;
const runCache = new Map<string, string>();

/**
 * Fills the initials of products written before they were kept (an upgrade) or by a path that
 * does not set them; a few hundred at a time so the tills are never held up.
 */
export function fillMissingInitials(adb: AppDatabase, chunk = 500): number {
  const missing = adb.sqlite.prepare(
    `SELECT id, name FROM products WHERE name_initials = '' AND id > ? ORDER BY id LIMIT ?`,
  );
  const update = adb.sqlite.prepare('UPDATE products SET name_initials = ? WHERE id = ?');
  let filled = 0;
  let after = '';
  for (;;) {
    const rows = missing.all(after, chunk) as { id: string; name: string }[];
    if (!rows.length) return filled;
    adb.write(() => {
      for (const row of rows) {
        const initials = nameInitials(row.name);
        if (initials) filled += update.run(initials, row.id).changes;
      }
    });
    after = rows[rows.length - 1]!.id;
  }
}
