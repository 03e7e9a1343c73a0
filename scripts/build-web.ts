/** Builds the web app (Vite) when its sources changed since the last build. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as Vite from 'vite';
import { repositoryRoot } from '../src/server/config.ts';

const webSources = ['src/web', 'src/shared', 'vite.config.ts', 'package-lock.json'];
const builtIndex = path.join(repositoryRoot, 'dist/web/index.html');

/** When anything under `entry` (a file or a folder, from the repository root) last changed. */
export function newestChange(entry: string): number {
  const full = path.join(repositoryRoot, entry);
  if (!existsSync(full)) return 0;
  const stats = statSync(full);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((child) => newestChange(path.join(entry, child))));
}

export async function buildWebIfStale(log: (line: string) => void = console.log): Promise<void> {
  const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
  if (builtAt >= Math.max(...webSources.map(newestChange))) return;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    if (builtAt > 0) return; // a production install without dev tools: serve the existing build
    throw new Error('The web app is not built and Vite is not installed. Run `npm install`, then `npm start` again.');
  }
  log('Building the web app…');
  await vite.build({ configFile: path.join(repositoryRoot, 'vite.config.ts'), logLevel: 'warn' });
}
