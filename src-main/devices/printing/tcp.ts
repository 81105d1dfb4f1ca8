import dns from 'node:dns';
import net from 'node:net';
import { isIpLiteral, isPrinterIp } from '../../../src-shared/slips/printer-targets';
import { PrinterError } from './printer-error';
import {
  STATUS_ANSWER_LENGTH,
  STATUS_QUERY,
  assertCanPrint,
  decodeStatus,
  type PrinterState,
} from './status';

export interface TcpTarget {
  host: string;
  /** 9100, the raw-printing port of nearly every network receipt printer. */
  port: number;
}

export interface TcpOptions {
  connectTimeoutMs?: number;
  /** The printer must take the bytes within this long (a jammed or offline printer stops reading). */
  writeTimeoutMs?: number;
  /**
   * How long to wait for the DLE EOT answers before a job (0: do not ask). A printer that does
   * not answer in time gets the job anyway: some print servers only ever take bytes.
   */
  statusTimeoutMs?: number;
}

const DEFAULTS = { connectTimeoutMs: 3000, writeTimeoutMs: 10_000, statusTimeoutMs: 1000 };

const NOT_ALLOWED = 'EPRINTERADDRESS';

/**
 * dns.lookup that answers only the shop network's addresses of a printer's host name: a name
 * saved as a printer must not lead to the internet (or be re-pointed there later).
 */
const shopNetworkLookup: net.LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 4);
    const allowed = addresses.filter((entry) => isPrinterIp(entry.address));
    if (!allowed.length) {
      const refused = Object.assign(new Error(`${hostname} resolves outside the shop network`), {
        code: NOT_ALLOWED,
      });
      return callback(refused, '', 4);
    }
    if (options.all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};

/**
 * One connection to a network printer. Socket errors are kept and reported to whatever step is
 * under way (connect, status, write), each of which has its own timeout.
 */
class PrinterSocket {
  private failure: PrinterError | null = null;
  private onFailure: ((error: PrinterError) => void) | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === NOT_ALLOWED)
        return this.fail(new PrinterError('PRINTER_ADDRESS_NOT_ALLOWED', error.message));
      const refused = ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND'].includes(
        error.code ?? '',
      );
      this.fail(
        new PrinterError(
          refused ? 'PRINTER_UNREACHABLE' : 'PRINTER_DISCONNECTED',
          `${error.code ?? 'error'}: ${error.message}`,
        ),
      );
    });
  }

  /** No Nagle delay: the 9-byte status query goes out at once, not after the printer's ACK. */
  static async open(target: TcpTarget, timeoutMs: number): Promise<PrinterSocket> {
    if (isIpLiteral(target.host) && !isPrinterIp(target.host))
      throw new PrinterError('PRINTER_ADDRESS_NOT_ALLOWED', target.host);
    const connection = new PrinterSocket(
      net.connect({ ...target, noDelay: true, lookup: shopNetworkLookup }),
    );
    try {
      await connection.step(
        timeoutMs,
        new PrinterError(
          'PRINTER_UNREACHABLE',
          `no answer from ${target.host}:${target.port} in ${timeoutMs} ms`,
        ),
        (done) => connection.socket.once('connect', () => done()),
      );
    } catch (error) {
      connection.close(); // a connection still trying must not linger after we gave up
      throw error;
    }
    return connection;
  }

  /** Sends DLE EOT 1, 2, 4; null when no full answer came within the time. */
  async status(timeoutMs: number): Promise<PrinterState | null> {
    const answer: number[] = [];
    const collect = (chunk: Buffer) => answer.push(...chunk);
    this.socket.on('data', collect);
    try {
      // A timeout rejects with null here: silence is an answer ("cannot tell"), not a failure.
      await this.step(timeoutMs, null, (done) => {
        this.socket.write(STATUS_QUERY);
        this.socket.on('data', () => {
          if (answer.length >= STATUS_ANSWER_LENGTH) done();
        });
      });
      return decodeStatus(Uint8Array.from(answer.slice(0, STATUS_ANSWER_LENGTH)));
    } catch (error) {
      if (error === null) return null; // silent printer
      throw error;
    } finally {
      this.socket.removeAllListeners('data');
      this.socket.resume(); // late answers are read and dropped, never left to block the socket
    }
  }

  /** Writes the job and closes our side; resolves once the printer has taken every byte. */
  async writeAndEnd(bytes: Buffer, timeoutMs: number): Promise<void> {
    await this.step(
      timeoutMs,
      new PrinterError('PRINTER_TIMEOUT', `the printer did not take the job in ${timeoutMs} ms`),
      (done) => this.socket.end(bytes, () => done()),
    );
  }

  close(): void {
    this.socket.destroy();
  }

  /** Runs one step: resolves when it calls done, rejects on a socket error or the timeout. */
  private step(
    timeoutMs: number,
    onTimeout: PrinterError | null,
    start: (done: () => void) => void,
  ): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => finish(() => reject(onTimeout)), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.onFailure = null;
        settle();
      };
      this.onFailure = (error) => finish(() => reject(error));
      start(() => finish(resolve));
    });
  }

  private fail(error: PrinterError): void {
    this.failure ??= error;
    this.socket.destroy();
    this.onFailure?.(error);
  }
}

/**
 * Sends the bytes of one job over raw TCP and resolves when the printer has taken them all. The
 * printer is asked for its status first, on the same connection: paper out, cover open or offline
 * refuse the job before a byte of it is sent. Says whether the printer answered the status query.
 */
export async function sendTcp(
  target: TcpTarget,
  bytes: Buffer,
  options: TcpOptions = {},
): Promise<{ answered: boolean }> {
  const { connectTimeoutMs, writeTimeoutMs, statusTimeoutMs } = { ...DEFAULTS, ...options };
  const socket = await PrinterSocket.open(target, connectTimeoutMs);
  try {
    const state = statusTimeoutMs > 0 ? await socket.status(statusTimeoutMs) : null;
    assertCanPrint(state);
    await socket.writeAndEnd(bytes, writeTimeoutMs);
    return { answered: state !== null };
  } catch (error) {
    socket.close();
    throw error;
  }
}

/** Asks a network printer for its status alone; null when it does not answer DLE EOT. */
export async function queryTcpStatus(
  target: TcpTarget,
  options: TcpOptions = {},
): Promise<PrinterState | null> {
  const { connectTimeoutMs, statusTimeoutMs } = { ...DEFAULTS, ...options };
  const socket = await PrinterSocket.open(target, connectTimeoutMs);
  try {
    return await socket.status(statusTimeoutMs);
  } finally {
    socket.close();
  }
}
