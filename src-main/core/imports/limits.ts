import zlib from 'node:zlib';
import { AppError } from '../../../src-node/app-error';

/**
 * How big an import may be once unpacked. An XLSX is a zip of XML: a 787 kB file that inflates to
 * hundreds of MB took 2 GB of memory in exceljs (which builds an object per cell). So the zip is
 * inflated here first, entry by entry, with zlib stopping at the byte budget, and its sheets' rows
 * and cells are counted, all before exceljs sees it. POS exports of a shop are far below these.
 */
export const IMPORT_LIMITS = {
  rows: 200_000,
  /** Cells of all sheets (exceljs costs several hundred bytes each). */
  cells: 2_000_000,
  inflatedBytes: 64 * 1024 * 1024,
  zipEntries: 2_000,
};

export type ImportLimits = typeof IMPORT_LIMITS;

export function importTooLarge(fileName: string, limits: ImportLimits = IMPORT_LIMITS): AppError {
  return new AppError('IMPORT_TOO_LARGE', {
    fileName,
    maxRows: limits.rows,
    maxMiB: Math.round(limits.inflatedBytes / 1024 / 1024),
  });
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

class Unreadable extends Error {}

/** The end-of-central-directory record: within the last 64 KiB + 22 bytes of the file. */
function findEndOfCentralDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--)
    if (zip.readUInt32LE(i) === EOCD) return i;
  throw new Unreadable('no end of central directory');
}

/**
 * Checks an XLSX against the limits by really inflating it (declared sizes can lie). Throws
 * IMPORT_TOO_LARGE over a limit; returns false when the zip cannot be read (exceljs then says
 * so its own way).
 */
export function checkXlsxSize(
  fileName: string,
  zip: Buffer,
  limits: ImportLimits = IMPORT_LIMITS,
): boolean {
  try {
    const end = findEndOfCentralDirectory(zip);
    const entries = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    if (entries > limits.zipEntries) throw importTooLarge(fileName, limits);
    let budget = limits.inflatedBytes;
    let rows = 0;
    let cells = 0;
    for (let n = 0; n < entries; n++) {
      if (zip.readUInt32LE(at) !== CENTRAL) throw new Unreadable('bad central directory');
      const method = zip.readUInt16LE(at + 10);
      const compressed = zip.readUInt32LE(at + 20);
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const commentLength = zip.readUInt16LE(at + 32);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      at += 46 + nameLength + extraLength + commentLength;

      if (zip.readUInt32LE(local) !== LOCAL) throw new Unreadable('bad local header');
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + compressed);
      let inflated: Buffer;
      if (method === 0) inflated = data;
      else if (method === 8) {
        try {
          inflated = zlib.inflateRawSync(data, { maxOutputLength: budget + 1 });
        } catch (error) {
          if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
            throw importTooLarge(fileName, limits);
          throw new Unreadable('bad deflate data');
        }
      } else throw new Unreadable(`compression method ${method}`);
      budget -= inflated.length;
      if (budget < 0) throw importTooLarge(fileName, limits);

      if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
        const xml = inflated.toString('latin1');
        rows += count(xml, /<(?:\w+:)?row[\s>]/g);
        cells += count(xml, /<(?:\w+:)?c[\s>/]/g);
        if (rows > limits.rows || cells > limits.cells) throw importTooLarge(fileName, limits);
      }
    }
    return true;
  } catch (error) {
    if (error instanceof AppError) throw error;
    return false; // RangeError (truncated), Unreadable: not a zip we can read
  }
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}
