import { randomFillSync } from 'node:crypto';

// UUIDv7 (RFC 9562): 48-bit Unix ms, then a 12-bit counter that keeps ids made in the same
// millisecond in order (method 1 of the RFC), then 62 random bits. Made offline, unique across
// stores, sortable by creation time. Random bytes are drawn in blocks: ids are made by the
// hundred thousand when codes are issued in bulk.
const POOL_IDS = 4096;
const pool = Buffer.alloc(8 * POOL_IDS);
let poolOffset = pool.length;
let lastMs = -1;
let counter = 0;

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function newId(now = Date.now()): string {
  if (poolOffset >= pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  let ms = now;
  if (ms > lastMs) {
    lastMs = ms;
    counter = pool.readUInt16BE(poolOffset) & 0x07ff; // random start, room to count up
  } else {
    ms = lastMs;
    counter++;
    if (counter > 0x0fff) {
      // 4096 ids in one millisecond: borrow the next one rather than repeat an order.
      lastMs = ++ms;
      counter = 0;
    }
  }
  const b = pool.subarray(poolOffset, poolOffset + 8);
  poolOffset += 8;
  const time = ms.toString(16).padStart(12, '0');
  const a = (0x7000 | counter).toString(16);
  const variant = hex[(b[0]! & 0x3f) | 0x80]! + hex[b[1]!]!;
  const tail = hex[b[2]!]! + hex[b[3]!]! + hex[b[4]!]! + hex[b[5]!]! + hex[b[6]!]! + hex[b[7]!]!;
  return `${time.slice(0, 8)}-${time.slice(8)}-${a}-${variant}-${tail}`;
}
