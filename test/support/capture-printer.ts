import net from 'node:net';
import { afterEach } from 'vitest';
import { decodeEscPos } from './escpos-decoder';

/**
 * A network receipt printer on 127.0.0.1: takes raw TCP like port 9100 and keeps the bytes of
 * each connection (one job each). `stall` makes it stop reading, like a printer out of paper.
 */
export async function capturePrinter() {
  const jobs: Buffer[] = [];
  let stall = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const chunks: Buffer[] = [];
    if (stall) socket.pause();
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks));
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
  afterEach(close);
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
    close,
  };
}
