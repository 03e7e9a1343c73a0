/** `npm start`: builds the web app if its sources changed since the last build, then starts the server. */
import { buildWebIfStale } from './build-web.ts';

await buildWebIfStale();
const { main } = await import('../src/server/main.ts');
await main();
