/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV file as a Blob. It starts with a byte-order mark so Excel on a Chinese Windows PC reads
 * it as UTF-8 (without one it guesses GBK and the Chinese comes out garbled).
 */
export function csvBlob(header: string[], rows: (string | number | null | undefined)[][]): Blob {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
}
