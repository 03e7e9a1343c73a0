/** Builds the web app (Vite) and its server rendering (dist/ssr, decision 028) when their sources changed since the last build. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Vite from 'vite';
import { repositoryRoot } from '../src/server/config.ts';

const webSources = ['src/web', 'src/shared', 'vite.config.ts', 'scripts/build-web.ts', 'package-lock.json'];
const builtIndex = path.join(repositoryRoot, 'dist/web/index.html');
/** The server's rendering of the public pages (src/web/ssr.tsx, decision 028), built with the web app. */
const builtRenderer = path.join(repositoryRoot, 'dist/ssr/ssr.js');

/** When anything under `entry` (a file or a folder, from the repository root) last changed. */
export function newestChange(entry: string): number {
  const full = path.join(repositoryRoot, entry);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((child) => newestChange(path.join(entry, child))));
}

export async function buildWebIfStale(log: (line: string) => void = console.log): Promise<void> {
  const builtAt = Math.min(...[builtIndex, builtRenderer].map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  if (builtAt >= Math.max(...webSources.map(newestChange))) return;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    if (builtAt > 0) return; // a production install without dev tools: serve the existing build
    throw new Error('The web app is not built and Vite is not installed. Run `npm install`, then `npm start` again.');
  }
  log('Building the web app…');
  await buildWeb(vite);
}

/** The browser's app into dist/web, then its server rendering into dist/ssr. */
export async function buildWeb(vite: typeof Vite): Promise<void> {
  const configFile = path.join(repositoryRoot, 'vite.config.ts');
  // The same build whoever asks: Vite compiles JSX for development when NODE_ENV is already something else (Vitest's
  // "test", when the browser tests' setup rebuilds a stale app), and such a server rendering cannot load beside the
  // production React bundled into it — `npm start` then served the pages unrendered.
  const ambient = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildBoth(vite, configFile);
  } finally {
    if (ambient === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = ambient;
  }
}

async function buildBoth(vite: typeof Vite, configFile: string): Promise<void> {
  await vite.build({ configFile, logLevel: 'warn' });
  await vite.build({
    configFile,
    logLevel: 'warn',
    build: { ssr: path.join(repositoryRoot, 'src/web/ssr.tsx'), outDir: path.dirname(builtRenderer), emptyOutDir: true, sourcemap: true, copyPublicDir: false },
    // React and the rest bundled in, in their production builds whatever NODE_ENV the server runs with (nothing
    // sets it): React's development build renders a page in about 1.7 times the time.
    ssr: { noExternal: true },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  });
}
