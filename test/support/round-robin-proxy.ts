import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer in miniature: each request goes to the next of `targets` in turn, as a
 * round-robin proxy in front of N cloud nodes would send it, over keep-alive connections to the
 * nodes as a real balancer keeps. `clientAddress` is who the client is said to be in
 * X-Forwarded-For; without it the request's own X-Forwarded-For goes on (the load bench gives
 * each simulated person an address, and so a public bucket, of its own). Counts what each node
 * served.
 */
export async function startRoundRobinProxy(targets: string[], clientAddress?: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const served = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((request, response) => {
    const index = next++ % targets.length;
    served[index]!++;
    const target = new URL(targets[index]!);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: clientAddress
          ? { ...request.headers, 'x-forwarded-for': clientAddress }
          : request.headers,
        agent,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
