/**
 * `npm start`: builds the web app and compiles the server when their sources changed since the last build,
 * then runs the compiled server (plain JavaScript: nothing is compiled at run time, workers start fast).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import './build.ts';
import { serverDist } from './build-server.ts';

await import(pathToFileURL(path.join(serverDist, 'scripts/serve.js')).href);
