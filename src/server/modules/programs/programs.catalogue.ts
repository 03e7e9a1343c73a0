/**
 * The catalogue in this process's memory: every searchable program (published, not ended: tens of thousands
 * nationally) with its card, answering the same searches as the SQL statement (programs.search.ts) with the same
 * hits, order and facet counts, at a fraction of the cost, for opening mornings (decision 017).
 *
 * PostgreSQL stays the truth: the index is loaded from it, and kept fresh from `program_search_changes`, which
 * triggers fill whenever a program's search row or card changes (seats included). A search first makes sure the
 * index has looked for changes within `freshnessMs`; a write answered by this process makes the next search look.
 * Until the first load, and for what it does not do (typo matching, unusual description words), the SQL answers.
 *
 * Text: a posting list per 1–2 character gram of the title words (what the SQL's gram index holds) finds the
 * candidates for each word, checked against the title itself; description words by prefix over the sorted
 * vocabulary of description lexemes (PostgreSQL's own tsvector lexemes, read as text). Facets: the rows that
 * fail at most one filter are grouped as the SQL's GROUPING SETS are, then counted by the same countsOf().
 */
import type { ProgramSummary, SearchSort } from '../../../shared/contracts/programs.ts';
import { startsWithinChoices, timesOfDay } from '../../../shared/contracts/programs.ts';
import { deliveryModes, programAreas, programSubcategories, targetGroups, weekdays } from '../../../shared/vocabulary/index.ts';
import { addDays } from '../../../shared/lib/schedule.ts';
import type { Executor } from '../../platform/database/database.ts';
import type { Reader } from '../../platform/database/reads.ts';
import { catalogueChanges, cataloguePage, catalogueSnapshot, CHANGES_KEPT_MINUTES, dongCentres, type CatalogueRow, type DongCentre } from './programs.catalogue.queries.ts';
import {
  boundingBox, COMMON_TERM_SHARE, countsOf, defaultSort, facetDimensions, ONLINE, queryWords, sqlPass, tallyColumns, termOf,
  timeOfDayRange, weekdayMask, bitsOf, type Center, type FacetDimension, type SearchInput, type SearchOutcome, type SearchPass,
  type TallyRow, type WordMatch,
} from './programs.search.ts';

interface Entry {
  id: number;
  city: number;
  dong: number;
  institutionId: number;
  lat: number | null;
  lon: number | null;
  areaNo: number;
  subcategoryNo: number;
  modeNo: number;
  targetBits: number;
  weekdayBits: number;
  startMinute: number;
  /** Its time of day's position in timesOfDay (−1: none), worked out once rather than for every search. */
  timeBucket: number;
  feeKrw: number;
  startsOn: string;
  enrolsUntil: string | null;
  publishedMicros: number | null;
  seatsLeft: number;
  /** lower(title + English title), as search_text. */
  text: string;
  chosung: string;
  lexemes: string[];
  card: ProgramSummary;
}

/** How many different searches are remembered at most (then all are forgotten at once). */
const REMEMBERED_ANSWERS = 10_000;

/** PostgreSQL's \s in regexp_split_to_table (JavaScript's \s also splits on other spaces). */
const SQL_SPACE = /[ \t\n\r\f\v]+/;
/** Description words the index matches as PostgreSQL's parser would; anything else is left to the SQL. */
const PLAIN_TERM = /^[\p{Script=Hangul}a-z0-9]+$/u;

/** The words grams are taken from: of the title text and of its 초성, lower-cased (search_grams). */
function wordsOf(entry: Entry): string[] {
  return [...entry.text.toLowerCase().split(SQL_SPACE), ...entry.chosung.toLowerCase().split(SQL_SPACE)].filter(Boolean);
}

function gramsOf(word: string): string[] {
  const chars = [...word];
  const grams: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    grams.push(chars[i]!);
    if (i + 1 < chars.length) grams.push(chars[i]! + chars[i + 1]!);
  }
  return grams;
}

/** A tsvector's text ('a' 'b''s' …) as its lexemes. */
export function lexemesOf(tsvector: string): string[] {
  const lexemes: string[] = [];
  for (const match of tsvector.matchAll(/'((?:[^'\\]|''|\\.)*)'/g)) lexemes.push(match[1]!.replace(/''/g, "'").replace(/\\(.)/g, '$1'));
  return lexemes;
}

/** PostgreSQL's round() of a double: to the nearest integer, halves to even (rint). */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const radians = (degrees: number) => degrees * (Math.PI / 180);

/** The SQL's great-circle distance, term by term. */
function metres(center: Center, lat: number, lon: number): number {
  return 2 * 6371000 * Math.asin(Math.sqrt(Math.sin(radians(lat - center.lat) / 2) ** 2
    + Math.cos(radians(center.lat)) * Math.cos(radians(lat)) * Math.sin(radians(lon - center.lon) / 2) ** 2));
}

interface Hit {
  entry: Entry;
  distanceM: number | null;
  score: number;
}

function comparator(sort: SearchSort, today: string): (a: Hit, b: Hit) => number {
  const byStart = (a: Hit, b: Hit) => (a.entry.startsOn < b.entry.startsOn ? -1 : a.entry.startsOn > b.entry.startsOn ? 1 : a.entry.id - b.entry.id);
  switch (sort) {
    case 'relevance':
      return (a, b) => b.score - a.score || byStart(a, b);
    case 'distance':
      return (a, b) => (a.distanceM ?? Infinity) - (b.distanceM ?? Infinity) || byStart(a, b);
    case 'start':
      return (a, b) => Number(a.entry.startsOn < today) - Number(b.entry.startsOn < today) || byStart(a, b);
    case 'newest':
      return (a, b) => (b.entry.publishedMicros ?? -Infinity) - (a.entry.publishedMicros ?? -Infinity) || b.entry.id - a.entry.id;
  }
}

/** Beyond this many, a page deep in the results sorts all the hits instead of keeping the first in order. */
const KEPT_IN_ORDER = 1000;

/** The first `k` hits in order, without sorting them all (a national search may match 70,000). */
class TopK {
  private readonly all: boolean;
  private kept: Hit[] = [];
  constructor(private readonly k: number, private readonly compare: (a: Hit, b: Hit) => number) {
    this.all = k > KEPT_IN_ORDER;
  }

  get hits(): Hit[] {
    if (this.all) this.kept = this.kept.sort(this.compare).slice(0, this.k);
    return this.kept;
  }

  wants(hit: Hit): boolean {
    return this.all || this.kept.length < this.k || this.compare(hit, this.kept[this.kept.length - 1]!) < 0;
  }

  add(hit: Hit): void {
    if (this.all) {
      this.kept.push(hit);
      return;
    }
    let low = 0;
    let high = this.kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(this.kept[mid]!, hit) <= 0) low = mid + 1;
      else high = mid;
    }
    this.kept.splice(low, 0, hit);
    if (this.kept.length > this.k) this.kept.pop();
  }
}

const tallySet = (column: (typeof tallyColumns)[number]) => tallyColumns.indexOf(column);
/** Each grouping set's position in tallyColumns (and so in TallyRow). */
const SET = {
  subcategory: tallySet('subcategory_no'), mode: tallySet('mode_no'), target: tallySet('target_bits'), weekday: tallySet('weekday_bits'),
  time: tallySet('time_bucket'), fee: tallySet('fee_paid'), start: tallySet('start_bucket'), seats: tallySet('has_seats'),
  city: tallySet('city_code'), dong: tallySet('dong_code'),
};
const bit = (dimension: FacetDimension) => 1 << facetDimensions.indexOf(dimension);

/** The grouping set a row failing only `dimension`'s filter counts in (countsOf reads no other for it). */
const setOfDimension: Record<FacetDimension, number> = {
  area: SET.subcategory, subcategory: SET.subcategory, target: SET.target, mode: SET.mode, fee: SET.fee, weekday: SET.weekday,
  timeOfDay: SET.time, startsWithinDays: SET.start, seatsLeft: SET.seats,
};

export interface CatalogueOptions {
  /** A search first looks for changes when the last look is older than this (seats a resident sees are at most this stale, plus the look). */
  freshnessMs: number;
  /** Programs read by one query of a whole load (a few milliseconds of the thread each on PGlite); default 500. */
  loadPage?: number;
  log?: (line: string) => void;
  logError: (error: unknown) => void;
}

export class CatalogueIndex {
  private entries: (Entry | undefined)[] = [];
  private readonly slotOf = new Map<number, number>();
  private grams = new Map<string, number[]>();
  private lexemePostings = new Map<string, number[]>();
  private readonly documents = new Map<string, number>();
  private sortedLexemes: string[] | null = null;
  private readonly cityCodes: string[] = [];
  private readonly cityNumbers = new Map<string, number>();
  private readonly dongCodes: string[] = [];
  private readonly dongNumbers = new Map<string, number>();
  private live = 0;
  /** Reference data, read with the first load: a "near me" search needs no query for its place. */
  private dongCentres = new Map<string, DongCentre>();
  private xmin: string | null = null;
  private lookedAt = 0;
  private mustLook = false;
  private looking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Changes with every look that found any: answers remembered under another version are not given again. */
  private version = 0;
  private readonly remembered = new Map<string, { version: number; answer: Promise<unknown> }>();

  constructor(private readonly db: Executor, private readonly options: CatalogueOptions) {}

  /**
   * Keeps the catalogue looking for changes every second once it is loaded. The first load begins with the first
   * search (or `loaded()`), which the SQL answers meanwhile: a starting process is ready before it has read the
   * catalogue (on PGlite the read holds the one thread), and one that is never searched never holds it.
   */
  start(): void {
    this.timer = setInterval(() => { if (this.ready) void this.fresh(0).catch((error) => this.options.logError(error)); }, 1000);
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
  }

  get ready(): boolean {
    return this.xmin !== null && !this.stopped;
  }

  get size(): number {
    return this.live;
  }

  /** A write answered here: the next search looks for changes first (a resident sees their own enrolment). */
  changed(): void {
    this.mustLook = true;
  }

  /** Loads the catalogue unless it is loaded, and waits (tests, benchmarks). */
  async loaded(): Promise<void> {
    if (!this.ready && !this.stopped) await this.load();
  }

  /** The first load (again after a failed one); one at a time. */
  private load(): Promise<void> {
    this.looking ??= this.reload().catch((error) => this.options.logError(error)).finally(() => { this.looking = null; });
    return this.looking;
  }

  /**
   * Looks for changes unless it did within `maxAgeMs` (one look at a time; searches meanwhile wait for it). Before
   * the first load has finished, begins it and returns at once: the SQL answers until then.
   */
  async fresh(maxAgeMs = this.options.freshnessMs): Promise<void> {
    if (!this.ready) {
      if (!this.stopped) void this.load();
      return;
    }
    if (this.looking) return this.looking;
    if (!this.mustLook && Date.now() - this.lookedAt < maxAgeMs) return;
    this.mustLook = false;
    this.looking = this.look().finally(() => { this.looking = null; });
    return this.looking;
  }

  /** The search passes this index answers; typo passes, and words it cannot match as PostgreSQL would, go to SQL. */
  pass(reader: Reader): SearchPass {
    const sql = sqlPass(reader);
    return async (input, match) => {
      await this.fresh();
      return this.ready && this.answers(input, match) ? this.run(input, match) : sql(input, match);
    };
  }

  /**
   * The answer to a search everyone repeats on a busy morning, computed once per version of the catalogue (and
   * shared by simultaneous askers); `key` names the search and the day. Before the first load, always computed.
   */
  async remember<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.fresh();
    if (!this.ready) return compute();
    const known = this.remembered.get(key);
    if (known && known.version === this.version) return known.answer as Promise<T>;
    if (this.remembered.size >= REMEMBERED_ANSWERS) this.remembered.clear();
    const answer = compute();
    const version = this.version;
    this.remembered.set(key, { version, answer });
    answer.catch(() => this.remembered.delete(key));
    return answer;
  }

  /** Cards of these programs as the index holds them (absent: not in the catalogue now). */
  card(programId: number): ProgramSummary | undefined {
    const slot = this.slotOf.get(programId);
    return slot === undefined ? undefined : this.entries[slot]?.card;
  }

  /** A dong's centre, once the catalogue is loaded (undefined: not loaded, or no such dong — ask the database). */
  dong(code: string): DongCentre | undefined {
    return this.dongCentres.get(code);
  }

  private answers(input: SearchInput, match: WordMatch): boolean {
    if (match === 'typo') return false;
    if (match === 'title') return true;
    return queryWords(input.q).words.every((word) => !termOf(word) || PLAIN_TERM.test(termOf(word)));
  }

  /**
   * Reads the whole catalogue anew, in pages: on PGlite each query holds the one thread, and a process starting
   * up answers other requests between pages instead of after the whole read. The index is replaced at once when
   * every page is in; the look that follows brings in what changed while the pages were read.
   */
  private async reload(): Promise<void> {
    const started = performance.now();
    const xmin = await catalogueSnapshot(this.db);
    const pageSize = this.options.loadPage ?? 500;
    const rows: CatalogueRow[] = [];
    for (;;) {
      const page = await cataloguePage(this.db, rows[rows.length - 1]?.id ?? 0, pageSize);
      rows.push(...page);
      if (page.length < pageSize) break;
    }
    if (this.dongCentres.size === 0) this.dongCentres = new Map((await dongCentres(this.db)).map((dong) => [dong.code, dong]));
    this.rebuild(rows.map((row) => this.entryOf(row)));
    this.xmin = xmin;
    this.lookedAt = Date.now();
    this.mustLook = true;
    this.version++;
    this.options.log?.(`Catalogue in memory: ${this.live} programs in ${Math.round(performance.now() - started)} ms`);
  }

  private async look(): Promise<void> {
    const started = Date.now();
    // Changes are kept for CHANGES_KEPT_MINUTES: after a longer silence (the database was away), some may be gone.
    if (started - this.lookedAt > (CHANGES_KEPT_MINUTES * 60_000) / 2) return this.reload();
    const changes = await catalogueChanges(this.db, this.xmin!);
    if (changes.everything) return this.reload();
    const found = new Map(changes.rows.map((row) => [row.id, row]));
    for (const id of changes.changed) {
      const row = found.get(id);
      if (row) this.upsert(row);
      else this.remove(id);
    }
    this.xmin = changes.xmin;
    this.lookedAt = started;
    if (changes.changed.length) this.version++;
    // Replaced rows leave their old slots in the posting lists: compact when they are as many as the live ones.
    if (this.entries.length > 2 * this.live + 1000) this.rebuild(this.entries.filter((entry): entry is Entry => entry !== undefined));
  }

  /** Posting lists and counts made anew for these entries, in new slots. */
  private rebuild(entries: Entry[]): void {
    this.entries = [];
    this.slotOf.clear();
    this.grams = new Map();
    this.lexemePostings = new Map();
    this.documents.clear();
    this.sortedLexemes = null;
    this.live = 0;
    for (const entry of entries) this.place(entry);
  }

  private numberOf(code: string, numbers: Map<string, number>, codes: string[]): number {
    let n = numbers.get(code);
    if (n === undefined) {
      n = codes.length;
      codes.push(code);
      numbers.set(code, n);
    }
    return n;
  }

  /**
   * One copy of each value many cards repeat (names of institutions, cities and dongs, codes, times, code lists):
   * the driver gives every row its own strings, and 70,000 cards would hold each name thousands of times.
   */
  private readonly shared = new Map<string, unknown>();
  private sharedValue<T>(value: T): T {
    if (value === null || (typeof value !== 'string' && !Array.isArray(value))) return value;
    const key = Array.isArray(value) ? `[${value.join(',')}` : (value as string);
    const known = this.shared.get(key);
    if (known !== undefined) return known as T;
    this.shared.set(key, value);
    return value;
  }

  private cardOf(card: ProgramSummary): ProgramSummary {
    const repeated = [
      'institutionName', 'institutionNameEn', 'cityCode', 'cityNameKo', 'cityNameEn', 'dongCode', 'dongNameKo', 'dongNameEn', 'area',
      'subcategory', 'targetGroups', 'purposeTags', 'mode', 'status', 'weekdays', 'startTime', 'endTime', 'creditType', 'startsOn', 'endsOn',
      'enrolmentOpensOn', 'enrolmentClosesOn',
    ] as const;
    const shared: Record<string, unknown> = { ...card };
    for (const field of repeated) shared[field] = this.sharedValue(card[field]);
    return shared as ProgramSummary;
  }

  private entryOf(row: CatalogueRow): Entry {
    const { institutionNo, areaNo, subcategoryNo, modeNo, targetBits, weekdayBits, startMinute, searchStartsOn, seatsLeft, enrolsUntil,
      publishedMicros, searchLat, searchLon, searchCity, searchDong, searchFee, searchText, titleChosung, descriptionTerms, ...card } = row;
    return {
      id: row.id, city: this.numberOf(searchCity, this.cityNumbers, this.cityCodes),
      dong: searchDong === null ? -1 : this.numberOf(searchDong, this.dongNumbers, this.dongCodes),
      institutionId: institutionNo, lat: searchLat, lon: searchLon, areaNo, subcategoryNo, modeNo, targetBits, weekdayBits, startMinute,
      timeBucket: timesOfDay.findIndex((t) => startMinute >= timeOfDayRange[t][0] && startMinute < timeOfDayRange[t][1]),
      feeKrw: searchFee, startsOn: this.sharedValue(searchStartsOn), enrolsUntil: this.sharedValue(enrolsUntil), publishedMicros, seatsLeft,
      // One string per description word across all programs.
      text: searchText, chosung: titleChosung, lexemes: lexemesOf(descriptionTerms).map((lexeme) => this.sharedValue(lexeme)),
      card: this.cardOf(card as ProgramSummary),
    };
  }

  private place(entry: Entry): void {
    const slot = this.entries.length;
    this.entries.push(entry);
    this.slotOf.set(entry.id, slot);
    this.live++;
    const grams = new Set(wordsOf(entry).flatMap(gramsOf));
    for (const gram of grams) {
      const list = this.grams.get(gram);
      if (list) list.push(slot);
      else this.grams.set(gram, [slot]);
    }
    for (const lexeme of entry.lexemes) {
      const list = this.lexemePostings.get(lexeme);
      if (list) list.push(slot);
      else {
        this.lexemePostings.set(lexeme, [slot]);
        this.sortedLexemes = null;
      }
      this.documents.set(lexeme, (this.documents.get(lexeme) ?? 0) + 1);
    }
  }

  private remove(id: number): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const entry = this.entries[slot]!;
    this.entries[slot] = undefined;
    this.slotOf.delete(id);
    this.live--;
    for (const lexeme of entry.lexemes) this.documents.set(lexeme, this.documents.get(lexeme)! - 1);
  }

  /** Seats and card changes are made in place; a changed text takes a new slot (the old one's postings go stale). */
  private upsert(row: CatalogueRow): void {
    const slot = this.slotOf.get(row.id);
    const entry = this.entryOf(row);
    const old = slot === undefined ? undefined : this.entries[slot];
    if (old && old.text === entry.text && old.chosung === entry.chosung && old.lexemes.join(' ') === entry.lexemes.join(' ')) {
      this.entries[slot!] = entry;
      return;
    }
    this.remove(row.id);
    this.place(entry);
  }

  /** Slots whose title (or 초성, for a 초성 query) holds the word, as the SQL's title arm finds them. */
  private titleSlots(word: string, chosung: boolean, seen: Set<number>): number[] {
    const chars = [...word];
    const short = chars.length < 3;
    let candidates: number[] | undefined;
    for (const gram of short ? [word] : gramsOf(word).filter((g) => [...g].length === 2)) {
      const list = this.grams.get(gram);
      if (!list) return [];
      if (!candidates || list.length < candidates.length) candidates = list;
    }
    const found: number[] = [];
    for (const slot of candidates ?? []) {
      const entry = this.entries[slot];
      if (!entry || seen.has(slot)) continue;
      const holds = short ? wordsOf(entry).some((w) => w.includes(word)) : (chosung ? entry.chosung : entry.text).includes(word);
      if (holds) {
        seen.add(slot);
        found.push(slot);
      }
    }
    return found;
  }

  private lexemesStartingWith(term: string): string[] {
    this.sortedLexemes ??= [...this.lexemePostings.keys()].sort();
    const sorted = this.sortedLexemes;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! < term) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < sorted.length && sorted[i]!.startsWith(term); i++) found.push(sorted[i]!);
    return found;
  }

  /** Slots whose description has a word beginning with the term, unless the term is boilerplate there. */
  private descriptionSlots(word: string): number[] {
    const term = termOf(word);
    if (!term) return [];
    const lexemes = this.lexemesStartingWith(term);
    const documents = lexemes.reduce((sum, lexeme) => sum + (this.documents.get(lexeme) ?? 0), 0);
    if (documents > this.live * COMMON_TERM_SHARE) return [];
    const seen = new Set<number>();
    for (const lexeme of lexemes) for (const slot of this.lexemePostings.get(lexeme)!) if (this.entries[slot]) seen.add(slot);
    return [...seen];
  }

  /** The text candidates with their scores, exactly as the SQL's candidates CTE. */
  private textCandidates(input: SearchInput, match: WordMatch): Map<number, number> {
    const { words, chosung } = queryWords(input.q);
    const phrase = (input.q ?? '').trim().toLowerCase();
    const all = (1 << words.length) - 1;
    const found = new Map<number, { any: number; title: number }>();
    words.forEach((word, k) => {
      const mark = (slot: number, inTitle: boolean) => {
        const m = found.get(slot) ?? { any: 0, title: 0 };
        m.any |= 1 << k;
        if (inTitle) m.title |= 1 << k;
        found.set(slot, m);
      };
      for (const slot of this.titleSlots(word, chosung, new Set())) mark(slot, true);
      if (match === 'anywhere' && !chosung) for (const slot of this.descriptionSlots(word)) mark(slot, false);
    });
    const scores = new Map<number, number>();
    for (const [slot, m] of found) {
      if (m.any !== all) continue;
      let titled = 0;
      for (let bits = m.title; bits; bits &= bits - 1) titled++;
      const whole = words.length > 1 ? Number(this.entries[slot]!.text.includes(phrase)) : Number(m.title !== 0);
      scores.set(slot, titled * 2 + whole * 3);
    }
    return scores;
  }

  /** One pass of the search (title or anywhere), as searchStatement() would answer it. */
  run(input: SearchInput, match: WordMatch): Promise<SearchOutcome> {
    return Promise.resolve(this.answer(input, match));
  }

  private answer(input: SearchInput, match: WordMatch): SearchOutcome {
    const { words } = queryWords(input.q);
    const sort = defaultSort(input);
    const page = input.page ?? 1;
    const pageSize = input.pageSize ?? 20;
    const today = input.today;
    const center = input.center;
    const includeOnline = input.includeOnline ?? true;
    const scores = words.length ? this.textCandidates(input, match) : null;

    const cities = input.city?.length ? new Set(input.city.flatMap((code) => this.cityNumbers.get(code) ?? [])) : null;
    const dong = input.dong ? this.dongNumbers.get(input.dong) ?? -2 : null;
    const box = center && !scores ? boundingBox(center) : null;
    const radiusM = center ? center.radiusKm * 1000 : 0;
    const failing = this.failures(input);
    const countDongs = input.city?.length === 1;
    const tally = new Tally(today, this.cityCodes.length, countDongs ? this.dongCodes.length : 0);
    const top = new TopK(page * pageSize, comparator(sort, today));

    const consider = (slot: number, score: number) => {
      const entry = this.entries[slot];
      if (!entry) return;
      if (cities && !cities.has(entry.city)) return;
      if (dong !== null && entry.dong !== dong) return;
      if (input.institution && entry.institutionId !== input.institution) return;
      let distance: number | null = null;
      if (center) {
        const online = includeOnline && entry.modeNo === ONLINE;
        // Without text, in-person candidates come from the bounding box first (as the SQL's index reads them).
        const inBox = entry.lat !== null && entry.lon !== null && (!box || (entry.lat >= center.lat - box.dLat
          && entry.lat <= center.lat + box.dLat && entry.lon >= center.lon - box.dLon && entry.lon <= center.lon + box.dLon));
        if (inBox) distance = metres(center, entry.lat!, entry.lon!);
        if (!online && !(inBox && distance! <= radiusM)) return;
        if (distance === null && entry.lat !== null && entry.lon !== null) distance = metres(center, entry.lat, entry.lon);
      }
      const fails = failing(entry);
      if (fails & (fails - 1)) return;
      tally.count(entry, fails);
      if (fails === 0) {
        const hit = { entry, distanceM: distance === null ? null : rint(distance), score };
        if (top.wants(hit)) top.add(hit);
      }
    };
    if (scores) for (const [slot, score] of scores) consider(slot, score);
    else for (let slot = 0; slot < this.entries.length; slot++) consider(slot, 0);

    const { total, facets } = countsOf(tally.rows(this.cityCodes, this.dongCodes));
    return {
      total, facets, fuzzy: false, descriptionOnly: match === 'anywhere', elsewhere: null, sort,
      hits: top.hits.slice((page - 1) * pageSize).map((hit) => ({
        programId: hit.entry.id, distanceM: hit.distanceM, score: hit.score, seatsLeft: hit.entry.seatsLeft,
      })),
    };
  }

  /** A row's `fails` mask, as failuresMask() computes it in SQL. */
  private failures(input: SearchInput): (entry: Entry) => number {
    const tests: [number, (entry: Entry) => boolean][] = [];
    const today = input.today;
    const add = (dimension: FacetDimension, test: (entry: Entry) => boolean) => tests.push([bit(dimension), test]);
    if (input.area?.length) {
      const numbers = new Set(input.area.map((code) => programAreas.numberOf(code)));
      add('area', (e) => numbers.has(e.areaNo));
    }
    if (input.subcategory?.length) {
      const numbers = new Set(input.subcategory.map((code) => programSubcategories.numberOf(code)));
      add('subcategory', (e) => numbers.has(e.subcategoryNo));
    }
    if (input.target?.length) {
      const mask = bitsOf(input.target, (code) => targetGroups.numberOf(code));
      add('target', (e) => (e.targetBits & mask) !== 0);
    }
    if (input.mode?.length) {
      const modes = new Set(input.mode.map((code) => deliveryModes.numberOf(code)));
      add('mode', (e) => modes.has(e.modeNo));
    }
    if (input.fee) add('fee', input.fee === 'free' ? (e) => e.feeKrw === 0 : (e) => e.feeKrw > 0);
    if (input.weekday?.length) {
      const mask = weekdayMask(input.weekday);
      add('weekday', (e) => (e.weekdayBits & mask) !== 0);
    }
    if (input.timeOfDay?.length) {
      const ranges = input.timeOfDay.map((t) => timeOfDayRange[t]);
      add('timeOfDay', (e) => ranges.some(([from, to]) => e.startMinute >= from && e.startMinute < to));
    }
    if (input.startsWithinDays) {
      const last = addDays(today, input.startsWithinDays);
      add('startsWithinDays', (e) => e.startsOn >= today && e.startsOn <= last);
    }
    if (input.seatsLeft) add('seatsLeft', (e) => canStillEnrol(e, today));
    return (entry) => {
      let fails = 0;
      for (const [mask, test] of tests) if (!test(entry)) fails |= mask;
      return fails;
    };
  }
}

/** The filter "I can still sign up" (canStillEnrol in SQL): a free place, and enrolment has not closed. */
function canStillEnrol(entry: Entry, today: string): boolean {
  return entry.seatsLeft > 0 && entry.enrolsUntil !== null && entry.enrolsUntil >= today;
}

/**
 * The GROUP BY of the SQL's facet tally: per `fails` class (none, or one filter) and grouping set, how many rows
 * have each value. A row failing one filter is counted only in the set countsOf() reads for that filter.
 */
class Tally {
  /** [class 0 … 9][set] → counts by value number; classes 1–9 only for their own set. */
  private readonly counts: Int32Array[][];
  /** The last day of each "starting within" choice. */
  private readonly startLimits: string[];

  constructor(private readonly today: string, cities: number, dongs: number) {
    const sizes = tallyColumns.map((column) => ({
      subcategory_no: programSubcategories.codes.length + 1, mode_no: deliveryModes.codes.length + 1, target_bits: 1 << targetGroups.codes.length,
      weekday_bits: 1 << weekdays.codes.length, time_bucket: timesOfDay.length, fee_paid: 2, start_bucket: startsWithinChoices.length,
      has_seats: 1, city_code: cities, dong_code: dongs,
    })[column]);
    this.counts = Array.from({ length: facetDimensions.length + 1 }, (_, c) =>
      sizes.map((size, set) => new Int32Array(c === 0 || setOfDimension[facetDimensions[c - 1]!] === set ? size : 0)));
    this.startLimits = startsWithinChoices.map((days) => addDays(today, days));
  }

  count(entry: Entry, fails: number): void {
    const sets = this.counts[fails === 0 ? 0 : 32 - Math.clz32(fails)]!;
    const put = (set: number, value: number) => {
      const counts = sets[set]!;
      if (counts.length) counts[value]!++;
    };
    put(SET.subcategory, entry.subcategoryNo);
    put(SET.mode, entry.modeNo);
    put(SET.target, entry.targetBits);
    put(SET.weekday, entry.weekdayBits);
    if (entry.timeBucket >= 0) put(SET.time, entry.timeBucket);
    put(SET.fee, entry.feeKrw > 0 ? 1 : 0);
    if (entry.startsOn >= this.today) {
      const within = this.startLimits.findIndex((last) => entry.startsOn <= last);
      if (within >= 0) put(SET.start, within);
    }
    if (canStillEnrol(entry, this.today)) put(SET.seats, 0);
    put(SET.city, entry.city);
    if (entry.dong >= 0) put(SET.dong, entry.dong);
  }

  rows(cityCodes: string[], dongCodes: string[]): TallyRow[] {
    const rows: TallyRow[] = [];
    const valueOf = (set: number, n: number): TallyRow[2] => {
      switch (set) {
        case SET.fee: return n === 1;
        case SET.start: return startsWithinChoices[n]!;
        case SET.seats: return true;
        case SET.city: return cityCodes[n]!;
        case SET.dong: return dongCodes[n]!;
        default: return n;
      }
    };
    this.counts.forEach((sets, c) => sets.forEach((counts, set) => counts.forEach((n, value) => {
      if (n > 0) rows.push([c === 0 ? 0 : 1 << (c - 1), set, valueOf(set, value), n]);
    })));
    return rows;
  }
}
