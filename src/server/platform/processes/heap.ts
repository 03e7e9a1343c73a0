/**
 * How far V8 lets the old generation grow past what survived its last full collection before collecting again
 * (decision 008). On a machine with more than 2 GB of heap limit V8 allows up to four times: a workbook import,
 * whose reader's short-lived objects are promoted by the hundred megabytes, took a process from ~60 MB live to a
 * 230 MB heap. Twice is what V8 itself allows when its limit is 2 GB or less, without that limit: a worker holding
 * the national catalogue (~520 MB, decision 017) is never stopped for want of heap, it only collects sooner.
 */
import { setFlagsFromString } from 'node:v8';

/** The old generation grows to (1 + this / 100) × what survived; 0 leaves V8's own factor (up to 4). */
export const HEAP_GROWTH_PERCENT = 100;

/**
 * Sets the growth for the whole process (its worker threads too). V8 reads the flag at each full collection, so it
 * takes effect when set at start; it is not allowed in NODE_OPTIONS, and cluster workers get no command-line flags,
 * so every server process sets it here.
 */
export function boundHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
