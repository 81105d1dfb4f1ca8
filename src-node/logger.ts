// The log of every Node part of StoreDesk (the desktop's core and servers, the cloud): one JSON
// object a line, so a shop's log file and a hosted server's collector read the same format.
import fs from 'node:fs';
import path from 'node:path';
import { redactText, redactValue } from './log-redaction';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = keyof Logger;

/**
 * `{ time, level, message, ...fields }`; an Error field keeps its name, message and stack. Secrets
 * (PINs, tokens, query parameters of a failed statement, full phone numbers) are redacted.
 */
function formatLine(level: Level, message: string, fields: Record<string, unknown> = {}): string {
  const extra = redactValue(fields) as Record<string, unknown>;
  return (
    JSON.stringify({
      time: new Date().toISOString(),
      level,
      message: redactText(message),
      ...extra,
    }) + '\n'
  );
}

function lineLogger(write: (level: Level, line: string) => void): Logger {
  const at = (level: Level) => (message: string, fields?: Record<string, unknown>) =>
    write(level, formatLine(level, message, fields));
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

const toConsole = (level: Level, line: string) =>
  (level === 'error' ? process.stderr : process.stdout).write(line);

/** JSON lines on stdout / stderr: what a hosted server's log collector expects (the cloud). */
export const createConsoleLogger = (): Logger => lineLogger(toConsole);

/**
 * JSON lines to `<logDir>/storedesk.log` (and optionally to the console): the desktop's log. A
 * shop owner can send this file to support; it never holds PINs or tokens.
 */
export function createFileLogger(logDir: string, options: { console?: boolean } = {}): Logger {
  // Only the user running the app reads its logs (the modes do nothing on Windows).
  fs.mkdirSync(logDir, { recursive: true, mode: 0o700 });
  const file = path.join(logDir, 'storedesk.log');
  if (process.platform !== 'win32') {
    fs.chmodSync(logDir, 0o700);
    if (fs.existsSync(file)) fs.chmodSync(file, 0o600);
  }
  return lineLogger((level, line) => {
    fs.appendFile(file, line, { mode: 0o600 }, () => undefined);
    if (options.console) toConsole(level, line);
  });
}

/** Keeps lines in memory: tests read what was logged. */
export function createMemoryLogger() {
  const lines: { level: Level; message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields }),
  };
  return Object.assign(logger, { lines });
}
