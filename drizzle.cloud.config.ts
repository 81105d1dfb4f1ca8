import { defineConfig } from 'drizzle-kit';

// The cloud server's PostgreSQL schema (PGlite embeds the same engine): `npm run cloud:db:generate`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src-cloud/db/schema.ts',
  out: './src-cloud/db/migrations',
  casing: 'snake_case',
});
