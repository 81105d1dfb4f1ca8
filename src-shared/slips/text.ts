// Thermal printers lay text out in fixed columns: an ASCII character takes one, a Chinese one
// (and any full-width form) takes two. Wrapping and padding are measured in those columns.

/** Columns a character takes on the printer: 2 for East Asian wide and full-width forms. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 0x1100) return 1;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

export const displayWidth = (text: string): number =>
  [...text].reduce((sum, c) => sum + charWidth(c), 0);

/**
 * What goes to the printer: `¥` has no GBK code (printers switch code page for it), so it becomes
 * the full-width `￥`; tabs become spaces and other control characters are dropped.
 */
export function normalizeForPrinter(text: string): string {
  let out = '';
  for (const char of text.replace(/¥/g, '￥')) {
    const code = char.charCodeAt(0);
    if (char === '\n' || (code >= 0x20 && code !== 0x7f)) out += char;
    else if (char === '\t' || char === '\r') out += ' ';
  }
  return out;
}

/** Breaks text into lines of at most `columns` display columns; words are kept whole where ASCII. */
/** Marks that may not start a line, and those that may not end one (GB/T 15834 practice). */
const NO_LINE_START = '，。、；：！？）】》」』〉”’…·%,.;:!?)]';
const NO_LINE_END = '（【《「『〈“‘([';

export function wrap(text: string, columns: number): string[] {
  const lines: string[] = [];
  for (const paragraph of normalizeForPrinter(text).split('\n')) {
    let line = '';
    let width = 0;
    const tokens = paragraph.match(/[\x21-\x7e]+|\s+|./gu) ?? [];
    for (const token of tokens) {
      const tokenWidth = displayWidth(token);
      if (/^\s+$/.test(token)) {
        if (width + tokenWidth <= columns) {
          line += token;
          width += tokenWidth;
        } else {
          lines.push(line.trimEnd());
          line = '';
          width = 0;
        }
        continue;
      }
      if (width + tokenWidth <= columns) {
        line += token;
        width += tokenWidth;
        continue;
      }
      if (tokenWidth <= columns && /^[\x21-\x7e]+$/.test(token)) {
        lines.push(line.trimEnd());
        line = token;
        width = tokenWidth;
        continue;
      }
      // A Chinese character, or an ASCII run longer than a line: break anywhere, but a closing
      // mark never starts a line and an opening one never ends one (避头尾, as printed Chinese
      // does): the character before goes down with it.
      for (const char of token) {
        const w = charWidth(char);
        if (width + w > columns) {
          const chars = [...line.trimEnd()];
          let carried = '';
          if (NO_LINE_START.includes(char) && chars.length > 1) carried = chars.pop()!;
          while (chars.length > 1 && NO_LINE_END.includes(chars.at(-1)!))
            carried = chars.pop()! + carried;
          lines.push(chars.join(''));
          line = carried;
          width = displayWidth(carried);
        }
        line += char;
        width += w;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** "有效期至          2026-12-31": left and right text on one line, wrapped if they do not fit. */
export function pairLine(left: string, right: string, columns: number): string[] {
  const l = normalizeForPrinter(left);
  const r = normalizeForPrinter(right);
  const gap = columns - displayWidth(l) - displayWidth(r);
  if (gap >= 1) return [l + ' '.repeat(gap) + r];
  const rightLines = wrap(r, columns).map(
    (line) => ' '.repeat(columns - displayWidth(line)) + line,
  );
  return [...wrap(l, columns), ...rightLines];
}

/** Centers a line by padding with spaces (for previews; printers align with ESC a). */
export function center(line: string, columns: number): string {
  const pad = Math.max(0, columns - displayWidth(line));
  return ' '.repeat(Math.floor(pad / 2)) + line;
}
