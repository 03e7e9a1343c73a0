/**
 * Compiles the server ahead of time (esbuild, one JavaScript file per TypeScript file, the tree kept) into
 * dist/server, so that a start loads plain JavaScript instead of compiling TypeScript at run time. The tree is
 * kept because code finds files beside itself (import.meta.url): worker-thread modules, geography tables.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/**
 * Packages left in node_modules although a start loads them: they find files beside themselves (PGlite's
 * WebAssembly, the worker-thread pool's and the logger's worker scripts, the API docs' static files). Packages
 * imported with import() (the build tools among them) stay there without being named.
 */
const keptPackages = new Set(['@electric-sql/pglite', 'piscina', 'pino', '@fastify/swagger-ui']);
/** Bundled CommonJS packages require Node's own modules: each compiled file gets a `require`. */
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/**
 * Our own files stay one file each (code finds files beside itself through import.meta.url), their relative
 * imports rewritten from `.ts` to `.js`. The packages a start loads are bundled into shared chunks: a start
 * then reads a few dozen files instead of some thousand (TypeBox alone is 680 modules). Packages imported
 * lazily (import()) stay in node_modules, loaded when first needed, as before.
 */
const bundleStartupPackages: Esbuild.Plugin = {
  name: 'bundle-startup-packages',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const inPackage = args.importer.includes(`${path.sep}node_modules${path.sep}`);
      if (args.path.startsWith('.') || path.isAbsolute(args.path)) {
        return inPackage ? undefined : { path: args.path.replace(/\.ts$/, '.js'), external: true };
      }
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      if (args.kind === 'dynamic-import' || args.kind === 'require-resolve' || keptPackages.has(packageOf(args.path))) {
        return { path: args.path, external: true };
      }
      return undefined;
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
    bundle: true,
    splitting: true,
    chunkNames: 'packages/[name]-[hash]',
    plugins: [bundleStartupPackages],
    banner: { js: REQUIRE_BANNER },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // A bundled package that finds files beside itself (CommonJS by __dirname, an ES module by import.meta.url, past
  // the banner's own) would look in the chunks' folder and fail only when it got there: refuse it now.
  const chunks = path.join(serverDist, 'packages');
  for (const chunk of readdirSync(chunks).filter((name) => name.endsWith('.js'))) {
    const code = readFileSync(path.join(chunks, chunk), 'utf8').slice(REQUIRE_BANNER.length);
    if (/\b__(dirname|filename)\b|\bimport\.meta\b/.test(code)) {
      rmSync(serverDist, { recursive: true, force: true });
      throw new Error(`A bundled package in ${chunk} looks for files beside itself: add it to keptPackages in scripts/build-server.ts.`);
    }
  }
  // Data the code reads from beside itself (geography tables).
  for (const file of files.filter((f) => !f.endsWith('.ts') && f !== 'package-lock.json')) {
    cpSync(path.join(repositoryRoot, file), path.join(serverDist, file));
  }
  writeFileSync(builtStamp, new Date().toISOString());
}
