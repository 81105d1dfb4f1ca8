/** `{ field: { from, to } }` for the audit log; lists and nested objects are left out. */
export function changedFields<T extends object>(before: T, after: T): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const from = before[key];
    const to = after[key];
    if (key === 'updatedAt' || (typeof to === 'object' && to !== null)) continue;
    if (from !== to) changes[key as string] = { from, to };
  }
  return changes;
}
