import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = 'info' | 'warn' | 'error';

function serialize(level: Level, message: string, fields?: Record<string, unknown>): string {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    extra[key] =
      value instanceof Error
        ? { name: value.name, message: value.message, stack: value.stack }
        : value;
  }
  return JSON.stringify({ time: new Date().toISOString(), level, message, ...extra }) + '\n';
}

/**
 * JSON lines to `<dataDir>/logs/storedesk.log` (and optionally to the console). A shop owner can
 * send this file to support; it never holds PINs or tokens.
 */
export function createFileLogger(logDir: string, options: { console?: boolean } = {}): Logger {
  fs.mkdirSync(logDir, { recursive: true });
  const file = path.join(logDir, 'storedesk.log');
  const write = (level: Level, message: string, fields?: Record<string, unknown>) => {
    const line = serialize(level, message, fields);
    fs.appendFile(file, line, () => undefined);
    if (options.console) (level === 'error' ? process.stderr : process.stdout).write(line);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
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
