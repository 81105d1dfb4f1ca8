import net from 'node:net';

/** Why a network print failed, in words the print queue shows (codes are translated in the UI). */
export class PrinterError extends Error {
  constructor(
    readonly code:
      'PRINTER_UNREACHABLE' | 'PRINTER_TIMEOUT' | 'PRINTER_DISCONNECTED' | 'PRINTER_UNSUPPORTED',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'PrinterError';
  }
}

export interface TcpTarget {
  host: string;
  /** 9100, the raw-printing port of nearly every network receipt printer. */
  port: number;
}

export interface TcpOptions {
  connectTimeoutMs?: number;
  /** The printer must take the bytes within this long (a jammed or offline printer stops reading). */
  writeTimeoutMs?: number;
}

/** Sends the bytes of one job over raw TCP and resolves when the printer has taken them all. */
export function sendTcp(target: TcpTarget, bytes: Buffer, options: TcpOptions = {}): Promise<void> {
  const { connectTimeoutMs = 3000, writeTimeoutMs = 10_000 } = options;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: target.host, port: target.port });
    let settled = false;
    const fail = (error: PrinterError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    let timer = setTimeout(
      () =>
        fail(
          new PrinterError(
            'PRINTER_UNREACHABLE',
            `no answer from ${target.host}:${target.port} in ${connectTimeoutMs} ms`,
          ),
        ),
      connectTimeoutMs,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(
        () =>
          fail(
            new PrinterError(
              'PRINTER_TIMEOUT',
              `the printer did not take the job in ${writeTimeoutMs} ms`,
            ),
          ),
        writeTimeoutMs,
      );
      socket.end(bytes, () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve();
      });
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      fail(
        new PrinterError(
          error.code === 'ECONNREFUSED' ||
            error.code === 'EHOSTUNREACH' ||
            error.code === 'ENOTFOUND'
            ? 'PRINTER_UNREACHABLE'
            : 'PRINTER_DISCONNECTED',
          `${error.code ?? 'error'}: ${error.message}`,
        ),
      ),
    );
  });
}
