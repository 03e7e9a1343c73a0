/** `npm run build`: the web app and the compiled server, each when its sources changed since its last build. */
import { buildWebIfStale } from './build-web.ts';
import { buildServerIfStale } from './build-server.ts';

await buildWebIfStale();
await buildServerIfStale();
