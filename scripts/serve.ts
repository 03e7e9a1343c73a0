/**
 * Runs the server as it is (used by `npm run dev` as TypeScript, where Vite serves the web, and by `npm start`
 * compiled): the single process, or the primary and, with WORKERS > 1, each worker it forks.
 */
import { fileURLToPath } from 'node:url';
import { main } from '../src/server/main.ts';

await main(fileURLToPath(import.meta.url));
