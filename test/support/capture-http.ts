import http from 'node:http';

/** A real HTTP server on 127.0.0.1:0 that keeps every JSON body POSTed to it (an SMS gateway). */
export async function startCaptureServer() {
  const received: any[] = [];
  let status = 200;
  const server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      received.push({
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: JSON.parse(body),
      });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ accepted: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('capture server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/sms`,
    received,
    /** What the next requests are answered with. */
    answerWith(code: number) {
      status = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
