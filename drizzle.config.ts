import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  casing: 'snake_case',
  schema: ['./src/server/modules/*/*.schema.ts', './src/server/platform/*/*.schema.ts'],
  out: './db/migrations',
});
