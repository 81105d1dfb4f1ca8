import fs from 'node:fs';
import { expect, it } from 'vitest';
import { API_REFERENCE_FILE, renderApiReference } from '../../../scripts/api-reference';

it('docs/api.md lists the contract as it is (run `npm run docs:api` after changing it)', () => {
  expect(fs.readFileSync(API_REFERENCE_FILE, 'utf8')).toBe(renderApiReference());
});
