import net from 'node:net';
import type { PrinterState } from '../../src-main/devices/printing/status';
import { decodeEscPos } from './escpos-decoder';

/** How the capture printer answers DLE EOT: as a printer in that state, or not at all. */
export type CaptureStatus = PrinterState | 'silent';

/** The answers (DLE EOT 1, 2, 4) of an Epson-compatible printer in `state`. */
export function statusAnswer(state: PrinterState, n: number): number {
  const offline = state === 'online' ? 0 : 0x08;
  const cause = { online: 0, paperOut: 0x20, coverOpen: 0x04, offline: 0x40 }[state];
  const paperEnd = state === 'paperOut' ? 0x60 : 0;
  return 0x12 | (n === 1 ? offline : n === 2 ? cause : n === 4 ? paperEnd : 0);
}

const DLE = 0x10;
const EOT = 0x04;

/**
 * A network receipt printer on 127.0.0.1: takes raw TCP like port 9100 and keeps the bytes of
 * each connection (one job each). It answers the DLE EOT status queries that come before a job
 * as a printer in `status` would, and keeps them out of the job. `stall` makes it stop reading,
 * like a printer out of paper that does not say so. Free of vitest, so the e2e specs use it too.
 */
export async function startCapturePrinter(options: { status?: CaptureStatus } = {}) {
  const jobs: Buffer[] = [];
  let stall = false;
  let status: CaptureStatus = options.status ?? 'online';
  let statusQueries = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let received = Buffer.alloc(0);
    let jobStart = 0;
    let answering = true; // status queries are read until the first byte of a job
    if (stall) socket.pause();
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      while (answering && received.length > jobStart) {
        const rest = received.subarray(jobStart);
        const partialQuery = rest[0] === DLE && (rest.length < 2 || rest[1] === EOT);
        if (!partialQuery) answering = false;
        else if (rest.length < 3)
          return; // the rest of the query is on its way
        else {
          statusQueries += 1;
          if (status !== 'silent') socket.write(Buffer.from([statusAnswer(status, rest[2]!)]));
          jobStart += 3;
        }
      }
    });
    socket.on('end', () => {
      const job = received.subarray(jobStart);
      if (job.length) jobs.push(job); // a status check alone prints nothing
      socket.end();
    });
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return {
    target: { host: '127.0.0.1', port },
    jobs,
    printed: () => jobs.map(decodeEscPos),
    /** The client is done when its bytes are sent; the printer has them a moment later. */
    async waitForJobs(count: number, timeoutMs = 3000) {
      const until = Date.now() + timeoutMs;
      while (jobs.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
      return jobs.map(decodeEscPos);
    },
    setStalled: (value: boolean) => (stall = value),
    /** Paper out, cover open, offline, back online, or no answer to status queries at all. */
    setStatus: (value: CaptureStatus) => (status = value),
    statusQueries: () => statusQueries,
    close,
  };
}
