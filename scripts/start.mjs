/**
 * `npm start`, in plain JavaScript so that a warm start loads no TypeScript compiler: runs the compiled
 * launcher (scripts/start.ts, compiled into dist/server with the server), which rebuilds what is stale and
 * starts the server. The very first start, with nothing compiled yet, runs the launcher through tsx.
 */
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/server/scripts/start.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./start.ts');
}
