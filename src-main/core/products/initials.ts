import { pinyin } from 'pinyin-pro';
import type { AppDatabase } from '../db/database';

/**
 * The pinyin initials of a product's Chinese name (百花茶 → bhc, 重庆小面 → cqxm), kept beside the
 * name so a cashier finds 百花茶 by typing `bhc`, as every Chinese till allows. Other characters
 * are left out: letters and digits are found in the name itself.
 */
export function nameInitials(name: string): string {
  if (!/[\u3400-\u9fff]/.test(name)) return '';
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
    .join('')
    .toLowerCase();
}

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
