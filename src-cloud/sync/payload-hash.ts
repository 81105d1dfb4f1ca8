import { createHash } from 'node:crypto';

/** JSON with object keys sorted: the same event hashes the same whatever order it came in. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Tells a re-push of an event from a different event that reuses its id. */
export const eventHash = (event: {
  kind: string;
  entityId: string;
  occurredAt: number;
  payload: Record<string, unknown>;
}): string =>
  createHash('sha256')
    .update(stable([event.kind, event.entityId, event.occurredAt, event.payload]))
    .digest('base64url');
