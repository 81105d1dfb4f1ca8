export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = keyof Logger;

/** JSON lines on stdout / stderr: what a hosted server's log collector expects. */
export function createConsoleLogger(): Logger {
  const write = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
    const extra = Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [
        key,
        value instanceof Error
          ? { name: value.name, message: value.message, stack: value.stack }
          : value,
      ]),
    );
    const line =
      JSON.stringify({ time: new Date().toISOString(), level, message, ...extra }) + '\n';
    (level === 'error' ? process.stderr : process.stdout).write(line);
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
