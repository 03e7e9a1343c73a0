/**
 * The worker thread's side of the pool: imports the module a task names, runs the named function with the
 * task's input, passes its progress back over the task's port, and moves a resulting file back without a copy.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { MessagePort } from 'node:worker_threads';
import { move } from 'piscina';
import type { Render } from './pool.ts';

export interface Task {
  /** file: URL of the module that defines the function. */
  module: string;
  name: string;
  input: unknown;
  progress: MessagePort;
}

/**
 * Compiled (dist/server), modules are plain ES modules and are imported. As TypeScript, tsx's import hooks do not
 * reach worker threads on Node 20, but its require hook does (it is how this file was loaded): modules are
 * required, and tsx compiles them and what they import.
 */
const load = import.meta.url.endsWith('.js')
  ? (module: string) => import(module) as Promise<Record<string, unknown>>
  : async (module: string) => createRequire(import.meta.url)(fileURLToPath(module)) as Record<string, unknown>;

/** Memory of its own: a small Buffer is a view into a shared slab, which must not be moved away. */
const movable = (bytes: Uint8Array) => (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes));

export default async function runTask({ module, name, input, progress }: Task): Promise<unknown> {
  try {
    const render = (await load(module))[name];
    if (typeof render !== 'function') throw new Error(`${module} has no function ${name} to run on a worker`);
    const output = await (render as Render<unknown, unknown>)(input, (phase, done, total) => progress.postMessage({ phase, done, total }));
    return output instanceof Uint8Array ? move(movable(output)) : output;
  } finally {
    progress.close();
  }
}
