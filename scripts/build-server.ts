/**
 * Compiles the server ahead of time (esbuild, one JavaScript file per TypeScript file, the tree kept) into
 * dist/server, so that a start loads plain JavaScript instead of compiling TypeScript at run time. The tree is
 * kept because code finds files beside itself (import.meta.url): worker-thread modules, geography tables.
 */
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import { repositoryRoot } from '../src/server/config.ts';
import { newestChange } from './build-web.ts';

/**
 * What the server runs: its code, what it shares with the web, the demo generator used at first start, and
 * the launcher with the builds it checks (npm start runs their compiled copy).
 */
const serverSources = [
  'src/server', 'src/shared', 'db/seed', 'scripts/serve.ts', 'scripts/start.ts', 'scripts/build.ts', 'scripts/build-web.ts',
  'scripts/build-server.ts', 'package-lock.json',
];
export const serverDist = path.join(repositoryRoot, 'dist/server');
const builtStamp = path.join(serverDist, '.built');

const isSource = (file: string) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts');

function filesUnder(entry: string): string[] {
  const full = path.join(repositoryRoot, entry);
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full).flatMap((child) => filesUnder(path.join(entry, child)));
}

/** Relative imports name `.ts` files; the compiled files are `.js`. Packages stay imports of node_modules. */
const keepImports: Esbuild.Plugin = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      return { path: args.path.startsWith('.') ? args.path.replace(/\.ts$/, '.js') : args.path, external: true };
    });
  },
};

export async function buildServerIfStale(log: (line: string) => void = console.log): Promise<void> {
  const builtAt = existsSync(builtStamp) ? statSync(builtStamp).mtimeMs : 0;
  if (builtAt >= Math.max(...serverSources.map(newestChange))) return;
  let esbuild: typeof Esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    if (builtAt > 0) return; // an install without build tools: run the existing build
    throw new Error('The server is not built and esbuild is not installed. Run `npm install`, then `npm start` again.');
  }
  log('Compiling the server…');
  rmSync(serverDist, { recursive: true, force: true });
  const files = serverSources.filter((entry) => existsSync(path.join(repositoryRoot, entry))).flatMap(filesUnder);
  await esbuild.build({
    absWorkingDir: repositoryRoot,
    entryPoints: files.filter(isSource),
    outdir: serverDist,
    outbase: '.',
    bundle: true, // only so that the plugin sees (and rewrites) every import; nothing is inlined
    plugins: [keepImports],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // Data the code reads from beside itself (geography tables).
  for (const file of files.filter((f) => !f.endsWith('.ts') && f !== 'package-lock.json')) {
    cpSync(path.join(repositoryRoot, file), path.join(serverDist, file));
  }
  writeFileSync(builtStamp, new Date().toISOString());
}
