/**
 * What the evaluation sets of copy detection share (issue 14): the shape of a source listing and of a
 * made-up one, and how a run's pairs are scored against a set. How each set is made is its own module's
 * business: the tuning splits (copies-tuning*.ts) choose the rules, the held-out set (copies-heldout.ts,
 * edition 4) only checks them.
 */
import type { ListingStructure } from '../src/server/modules/copies/scoring.ts';

/** A stored listing, as the sets read it: its text and what the catalogue records about it. */
export interface SourceListing {
  id: number;
  institutionId: number;
  title: string;
  description: string;
  subcategory: string;
  structure: ListingStructure;
  /** Its institution's and dong's names (scoring.ts masks them when telling boilerplate). */
  ownNames?: readonly string[];
}

/** A listing a set made from a source: a copy of it, or another program that must not be taken for one. */
export interface SetListing {
  /** Negative, so it never meets a stored program's id. */
  id: number;
  /** An institution of its own (negative too): never the source's. */
  institutionId: number;
  title: string;
  description: string;
  structure: ListingStructure;
  kind: 'copy' | 'negative';
  /** The listing it copies (a copy) or was made beside (a negative). */
  of: number;
  /** What was done to a copy, or what kind of negative it is. */
  edits: string[];
}

/** A listing's sessions as its schedule line states them ("총 12회"), else the source's. */
export function sessionsStated(description: string, otherwise: number): number {
  const stated = /총 (\d+)회/.exec(description.slice(description.lastIndexOf('일정:')));
  return stated ? Number(stated[1]) : otherwise;
}

/** The structure of a listing made from `source` that keeps its course but states its own number of sessions. */
export function keptStructure(source: SourceListing, description: string): ListingStructure {
  const sessionCount = sessionsStated(description, source.structure.sessionCount);
  const perSession = source.structure.sessionCount > 0 ? source.structure.totalHours / source.structure.sessionCount : 0;
  return { ...source.structure, sessionCount, totalHours: Math.round(sessionCount * perSession * 10) / 10 };
}

const FACT_LINE = /^(강사|일정|장소|수강료|문의):/;

/** A description without its instructor and fact lines: what two listings of one course written alike share. */
export const descriptionBody = (text: string) => text.split(/(?<=[.!?])\s+|\s+(?=(?:강사|일정|장소|수강료|문의):)/)
  .filter((s) => s.length > 0 && !FACT_LINE.test(s)).join(' ');

export interface SetQuality {
  /** Found pairs with a listing of the set that join copies of one original, over all found pairs with a listing of the set. */
  precision: number | null;
  /** Copies of the set found with their source. */
  recall: number | null;
  /** Recall among the copies that had each edit, and by how many edits came at once. */
  recallByEdit: Record<string, number>;
  recallByEditCount: Record<string, number>;
  /** Negatives flagged with the listing they were made beside, in all and by kind. */
  negativesFlagged: number;
  negativesFlaggedByKind: Record<string, number>;
  copies: number;
  negatives: number;
  /** Found pairs with a listing of the set, and those of them that were wrong. */
  found: number;
  wrong: number;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * Precision and recall of `found` pairs (from a run over the sources and the set's listings together).
 * `sourceOf` names the original of each planted copy among the sources: two copies of one original are copies.
 */
export function setQuality(set: readonly SetListing[], found: readonly (readonly [number, number])[], sourceOf: ReadonlyMap<number, number>): SetQuality {
  const byId = new Map(set.map((l) => [l.id, l]));
  const root = (id: number): number => {
    const made = byId.get(id);
    if (made) return made.kind === 'copy' ? root(made.of) : id;
    return sourceOf.get(id) ?? id;
  };
  const key = (a: number, b: number) => `${Math.min(a, b)}:${Math.max(a, b)}`;
  const involved = found.filter(([a, b]) => byId.has(a) || byId.has(b));
  const keys = new Set(found.map(([a, b]) => key(a, b)));
  const copies = set.filter((l) => l.kind === 'copy');
  const negatives = set.filter((l) => l.kind === 'negative');
  const hit = (l: SetListing) => keys.has(key(l.id, l.of));
  const share = (of: readonly SetListing[]) => (of.length === 0 ? 0 : round4(of.filter(hit).length / of.length));
  const wrong = involved.filter(([a, b]) => root(a) !== root(b)).length;
  const edits = [...new Set(copies.flatMap((c) => c.edits))].sort();
  const counts = [...new Set(copies.map((c) => c.edits.length))].sort();
  const negativeKinds = [...new Set(negatives.flatMap((n) => n.edits))].sort();
  return {
    precision: involved.length === 0 ? null : round4((involved.length - wrong) / involved.length),
    recall: copies.length === 0 ? null : share(copies),
    recallByEdit: Object.fromEntries(edits.map((e) => [e, share(copies.filter((c) => c.edits.includes(e)))])),
    recallByEditCount: Object.fromEntries(counts.map((n) => [String(n), share(copies.filter((c) => c.edits.length === n))])),
    negativesFlagged: negatives.filter(hit).length,
    negativesFlaggedByKind: Object.fromEntries(negativeKinds.map((k) => [k, negatives.filter((n) => n.edits.includes(k) && hit(n)).length])),
    copies: copies.length,
    negatives: negatives.length,
    found: involved.length,
    wrong,
  };
}
