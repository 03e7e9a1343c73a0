/**
 * Boundary polygons (KOSTAT TopoJSON) are read at run time from BOUNDARIES_DIR and never committed.
 * Without them, the web draws points at each unit's anchor point instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BoundaryLevel } from '../../../shared/contracts/geography.ts';

const files: Record<BoundaryLevel, string> = {
  provinces: 'skorea-provinces-2018-topo-simple.json',
  municipalities: 'skorea-municipalities-2018-topo-simple.json',
  dongs: 'skorea-submunicipalities-2018-topo-simple.json',
};

export interface BoundaryFile {
  body: Buffer;
  etag: string;
}

export function boundaryReader(boundariesDir: string | null) {
  const cache = new Map<BoundaryLevel, BoundaryFile | null>();
  return (level: BoundaryLevel): BoundaryFile | null => {
    if (!cache.has(level)) {
      const file = boundariesDir ? path.join(boundariesDir, files[level]) : null;
      if (file && existsSync(file)) {
        const body = readFileSync(file);
        cache.set(level, { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
      } else {
        cache.set(level, null);
      }
    }
    return cache.get(level)!;
  };
}
