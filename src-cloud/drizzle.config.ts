import { defineConfig } from 'drizzle-kit';

// The cloud server's PostgreSQL schema (PGlite embeds the same engine): `npm run db:generate` in
// this package, or `npm run cloud:db:generate` at the root. Paths are relative to this folder.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
