/** Starts the server without building the web app (used by `npm run dev`, where Vite serves the web). */
import { main } from '../src/server/main.ts';

await main();
