import { defineConfig } from 'drizzle-kit';

// Each feature keeps its tables in its own schema.ts; drizzle-kit reads them all to write migrations.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/core/*/schema.ts',
  out: './src-main/core/db/migrations',
  casing: 'snake_case',
});
