// Writes docs/api.md from the contract: every method with who may call it, and every event.
// `npm run docs:api`; a unit test fails when the file is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { events, methods } from '../src-shared/contract';

export const API_REFERENCE_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../docs/api.md',
);

export function renderApiReference(): string {
  const lines = [
    '# StoreDesk local API reference',
    '',
    '<!-- Generated from src-shared/contract by `npm run docs:api`; do not edit by hand. -->',
    '',
    'Every method is `POST /api/<method>` with a JSON body. Answers: `{ "ok": true, "data": … }` or',
    '`{ "ok": false, "error": { "code", "message", "details" } }`. Send `Authorization: Bearer <token>`',
    '(a staff session token from `auth.login`, or a terminal API key `sdk_…` in LAN mode).',
    '',
    '| method | who may call | what it does |',
    '|---|---|---|',
    ...Object.entries(methods).map(
      ([name, def]) => `| \`${name}\` | ${def.access.join(', ')} | ${def.summary} |`,
    ),
    '',
    '## Events (`GET /api/events`, Server-Sent Events)',
    '',
    '| event | who receives it |',
    '|---|---|',
    ...Object.entries(events).map(([name, def]) => `| \`${name}\` | ${def.access.join(', ')} |`),
    '',
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(API_REFERENCE_FILE, renderApiReference());
  console.log(`wrote ${path.relative(process.cwd(), API_REFERENCE_FILE)}`);
}
