// Foundation metrics: what one API call and one durable write cost, against their bare floors.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createCore } from '../src-main/core';
import { applyPragmas } from '../src-main/core/db/open';
import { createMemoryLogger } from '../src-node/logger';
import { buildServer } from '../src-main/server/app';
import { compare, time, type Metric } from './harness';

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

function post(port: number, urlPath: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent: keepAlive,
        headers: { 'content-type': 'application/json' },
      },
      (response) => {
        let data = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (data += chunk));
        response.on('end', () => resolve(data));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

export async function foundationBench(): Promise<Metric[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storedesk-bench-'));
  const core = await createCore({ dataDir, logger: createMemoryLogger() });
  try {
    const setup = await core.call(
      'setup.initialize',
      {
        merchant: { name: '基准商户', code: 'BENCH' },
        store: { name: '基准门店', districtCode: '320102' },
        owner: { name: '基准店主', pin: '314159' },
      },
      { source: 'app' },
    );
    if (!setup.ok) throw new Error(JSON.stringify(setup.error));
    const { ownerId, terminalId } = setup.data as { ownerId: string; terminalId: string };
    const login = await core.call(
      'auth.login',
      { staffId: ownerId, pin: '314159' },
      { source: 'app' },
    );
    if (!login.ok) throw new Error(JSON.stringify(login.error));
    const token = (login.data as { token: string }).token;

    // 1. Local API round trip of a trivial method vs a bare node:http echo.
    const app = await buildServer({ core });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const apiPort = (app.server.address() as { port: number }).port;
    const echo = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      });
    });
    const echoPort = await listen(echo);
    const iterations = 2000;
    const api = await time(() => post(apiPort, '/api/setup.status', '{}'), { iterations });
    const bare = await time(() => post(echoPort, '/echo', '{}'), { iterations });
    await app.close();
    echo.close();
    keepAlive.destroy();

    // 2. One durable write through core (auth + validation + change + audit row, one
    //    transaction) vs one bare INSERT in a transaction with the same pragmas.
    const writes = 500;
    const coreWrite = await time(
      async (i) => {
        const result = await core.call(
          'terminals.update',
          { id: terminalId, name: `收银台 ${i}` },
          { credential: token, source: 'app' },
        );
        if (!result.ok) throw new Error(JSON.stringify(result.error));
      },
      { iterations: writes },
    );
    const bareDb = new Database(path.join(dataDir, 'bare.db'));
    applyPragmas(bareDb);
    bareDb.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, at INTEGER NOT NULL)');
    const insert = bareDb.prepare('INSERT INTO t (name, at) VALUES (?, ?)');
    const insertInTx = bareDb.transaction((i: number) => insert.run(`row ${i}`, Date.now()));
    const bareWrite = await time((i) => insertInTx(i), { iterations: writes });
    bareDb.close();

    return [
      compare('local API round trip (setup.status)', api, 'bare node:http echo', bare),
      compare(
        'durable write through core (terminals.update + audit)',
        coreWrite,
        'bare INSERT, same pragmas',
        bareWrite,
      ),
    ];
  } finally {
    core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
