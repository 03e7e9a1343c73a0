/**
 * The held-out set of copy detection (issue 14): held-out edition 4, written on 2026-12-07 before the detector
 * it checks was tuned. It is never used to choose weights or thresholds: `npm run bench -- copies` checks the
 * chosen rules on it once (the tuning splits, copies-tuning*.ts, are where the choice is made); once its
 * failures have been read it becomes a tuning split and a fifth edition is written.
 *
 * Apart from tuning: its own seed, and its own code and vocabulary for every edit. Where the earlier editions
 * change words, sentences and clauses, this one also changes how a listing is laid out and written down, as
 * an institution's office does when it makes another's listing its own notice.
 *
 * A copy keeps the course (subcategory, most often target group and hours a session), gets its own details
 * (schedule in its own format, sessions, place, fee, telephone, its own name and dong where the source named
 * itself), one time in four its own instructor, and three to five of:
 * - `bullets`: the course sentences set out as a bulleted list ("- …", "■ …");
 * - `notice-header`: a notice header on top ("[수강생 모집]");
 * - `numerals`: numbers written another way (총 12회 → 총 열두 번, 2시간 → 120분, 80% → 5분의 4);
 * - `spacing-typos`: words run together or split apart, a syllable dropped or doubled;
 * - `register`: every sentence in one other register (해요체, or the 명사형 "~함." of notices);
 * - `paraphrase`: the course sentences (opening, detail, outcome) paraphrased phrase by phrase;
 * - `drop-end`: the first or the last sentence left out;
 * - `own-intro`: a paragraph introducing the copier put before the listing;
 * - `title-tag`: the title rewritten with an English or Hanja word or a season or level tag;
 * - `merge`: a sentence or two of another listing of the subcategory merged in (most of the text the source's).
 *
 * Negatives, each beside a source at another institution and each another course (independent listings of one
 * course are not copies of each other):
 * - `same-stock-course`: another course of the subcategory written on the source's stock sentences, its own instructor;
 * - `instructor-other-course`: the source's instructor teaching another course of the subcategory, about half
 *   the source's stock sentences kept;
 * - `borrowed-title`: the source's title word for word on another course's content, its own stock and instructor;
 * - `formatted-sibling`: another course on the source's stock sentences, laid out the way copies above are
 *   (bullets, header, register, numerals, title tag), so that formatting alone does not make a copy.
 */
import { Random } from '../src/shared/lib/random.ts';
import {
  audienceSentences, completionSentences, formats, logisticsSentences, methodSentences, onlineSentences, subcategoryCatalogue,
  type CourseStem, type SubcategoryCatalogue,
} from '../db/seed/catalogue.ts';
import type { ListingStructure } from '../src/server/modules/copies/scoring.ts';
import type { SetListing, SourceListing } from './copies-sets.ts';

export const HELD_OUT_SEED = 60221;

export const heldOutCopyEdits = [
  'paraphrase', 'register', 'numerals', 'spacing-typos', 'drop-end', 'merge', 'bullets', 'own-intro', 'notice-header', 'title-tag',
] as const;
export type HeldOutCopyEdit = (typeof heldOutCopyEdits)[number];
export const heldOutNegativeKinds = ['same-stock-course', 'instructor-other-course', 'borrowed-title', 'formatted-sibling'] as const;
type NegativeKind = (typeof heldOutNegativeKinds)[number];

/** The markers a bulleted list and a notice header begin with (the test reads them too). */
export const BULLETS = ['- ', '■ ', '▶ ', '○ '] as const;
export const HEADERS = ['[수강생 모집]', '【신규 강좌 안내】', '◎ 모집 안내 ◎', '<2027 상반기 강좌>', '[공지] 수강생을 모십니다'] as const;

// ---- A listing as its parts ---------------------------------------------------------------------------------

interface Notice {
  title: string;
  /** Sentences (or bulleted items) before the instructor's line. */
  body: string[];
  /** The instructor's line without its label, '' when the listing names none. */
  instructor: string;
  /** The other labelled lines, by label, in the order catalogues print them. */
  facts: Map<string, string>;
}

const FACT_LABELS = ['일정', '장소', '수강료', '문의'] as const;

function noticeOf(listing: { title: string; description: string }): Notice {
  const pieces = listing.description.split(/(?<=[.!?])\s+|\s+(?=(?:강사|일정|장소|수강료|문의):)/).filter((p) => p.length > 0);
  const labelled = (p: string) => /^(강사|일정|장소|수강료|문의):/.test(p);
  const facts = new Map<string, string>();
  for (const p of pieces.filter(labelled)) facts.set(p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1).trim());
  const instructor = facts.get('강사') ?? '';
  facts.delete('강사');
  return { title: listing.title, body: pieces.filter((p) => !labelled(p)), instructor, facts };
}

const written = (n: Notice) => ({
  title: n.title,
  description: [
    ...n.body, ...(n.instructor ? [`강사: ${n.instructor}`] : []),
    ...FACT_LABELS.filter((l) => n.facts.has(l)).map((l) => `${l}: ${n.facts.get(l)}`),
  ].join(' '),
});

const sessionsOf = (n: Notice, otherwise: number) => Number(/총 (\d+)회/.exec(n.facts.get('일정') ?? '')?.[1] ?? otherwise);

// ---- This edition's vocabulary --------------------------------------------------------------------------------

const copiers = ['새봄 평생학습관', '가람 시민대학', '누리터 문화공간', '햇살 마을학교', '물빛 주민자치센터', '초록 배움센터', '별마루 도서관', '한울 청소년센터'];
const copierDongs = ['하늘동', '별빛동', '은행동', '솔내동', '두리동', '느티동'];
const rooms = ['3층 배움방', '1층 열린교실', '지하 다목적실', '2층 공방', '4층 강당'];
const instructorNames = ['피도현', '범수빈', '옥채린', '제승우', '남궁연', '독고현', '어윤서', '진소담', '봉태윤', '모시현'];
const instructorRoles = ['공예 작가', '전직 교사', '사회복지사', '문화예술교육사', '현장 실무자'];

/** Course sentences said another way, phrase by phrase (the catalogue's openings, details and outcomes; the test reads them). */
export const paraphrases: readonly (readonly [string, string])[] = [
  ['과정을 마치면', '수업을 다 듣고 나면'], ['수 있게 됩니다', '수 있는 힘이 생깁니다'], ['직접 해 봅니다', '스스로 해 보는 시간을 가집니다'],
  ['기본', '바탕'], ['필요한', '꼭 있어야 할'], ['실제', '현실의'], ['자주', '흔히'], ['요령을', '노하우를'], ['이야기를', '얘기를'],
  ['쉬운', '만만한'], ['짧은', '길지 않은'], ['바로', '곧장'], ['차근차근', '한 걸음씩'], ['꾸준히', '빠짐없이'], ['사례를', '실례를'],
  ['중심으로', '위주로'], ['간단한', '손쉬운'], ['정리하고', '갈무리하고'], ['살펴보고', '훑어보고'], ['연습합니다', '되풀이해 봅니다'],
  ['완성합니다', '끝맺습니다'], ['나눕니다', '주고받습니다'], ['다룹니다', '짚어 봅니다'], ['기릅니다', '키워 갑니다'], ['익힙니다', '몸에 익힙니다'],
  ['배웁니다', '배워 나갑니다'], ['이웃과', '동네 분들과'], ['서로', '서로서로'], ['새로운', '처음 접하는'], ['문제를', '물음을'],
  ['활동을', '프로그램을'], ['방법을', '길을'], ['만듭니다', '꾸며 냅니다'], ['자신감이 생겨', '마음이 든든해져'], ['단계별로', '순서를 밟아'],
];

/** Paragraphs introducing the copier, put before the listing it made its own. */
const introductions: readonly (readonly string[])[] = [
  ['{copier}에서는 올해도 주민 여러분을 위한 강좌를 준비했습니다.', '가까운 곳에서 배움을 이어 가시도록 정성껏 운영하겠습니다.'],
  ['{copier}에서는 지역과 함께 배우는 평생학습을 펼치고 있습니다.', '이번 학기 새로 문을 여는 강좌를 소개합니다.'],
  ['배우고 싶은 마음만 있으면 {copier}에서는 누구나 수강생입니다.', '아래 강좌 안내를 읽어 보시고 신청해 주세요.', '자리가 한정되어 있으니 서둘러 주세요.'],
  ['{copier}에서는 개관 이후 해마다 주민 강좌를 열어 왔습니다.', '지난해 수강생 의견을 모아 이번 강좌를 기획했습니다.'],
];

const seasonTags = ['2027 봄학기', '여름방학 특강', '가을 시즌', '겨울학기', '상반기'];
const levelTags = ['Lv.1', 'STEP 2', '왕초보', '심화반', '맛보기'];
const hanjaTags = ['新', '初級', '特講', '入門'];
const englishTags = ['Basic', 'Smart', 'Class', 'Easy', 'Weekend'];

// ---- Numbers and Hangul ---------------------------------------------------------------------------------------

const units = ['', '한', '두', '세', '네', '다섯', '여섯', '일곱', '여덟', '아홉'];
const tens = ['', '열', '스물', '서른', '마흔', '쉰', '예순', '일흔', '여든', '아흔'];
/** A count in native Korean numerals, as in "열두 번" (1–99); beyond that, the digits. */
function nativeCount(n: number): string {
  if (n < 1 || n > 99) return String(n);
  if (n === 20) return '스무';
  return `${tens[Math.floor(n / 10)]}${units[n % 10]}`;
}
/** An age in native numerals ("예순다섯 살"); 20 is 스무 before 살 too. */
const nativeAge = (n: number) => `${nativeCount(n)} 살`;

const HANGUL = 0xac00;
const isSyllable = (c: string) => c >= '가' && c <= '힣';
const finalOf = (c: string) => (c.charCodeAt(0) - HANGUL) % 28;
const withFinal = (c: string, final: number) => String.fromCharCode(c.charCodeAt(0) - finalOf(c) + final);
const vowelOf = (c: string) => Math.floor(((c.charCodeAt(0) - HANGUL) % 588) / 28);

/** A sentence ending in 해요체: the catalogue's verbs, then the regular patterns; what it cannot turn is left. */
function toHaeyo(sentence: string): string {
  const rules: readonly (readonly [RegExp, string | ((m: string, stem: string) => string)])[] = [
    [/했습니다\.$/, '했어요.'], [/합니다\.$/, '해요.'], [/기릅니다\.$/, '길러요.'], [/돕습니다\.$/, '도와요.'], [/드립니다\.$/, '드려요.'],
    [/됩니다\.$/, '돼요.'], [/바랍니다\.$/, '바라요.'], [/봅니다\.$/, '봐요.'], [/줍니다\.$/, '줘요.'], [/둡니다\.$/, '둬요.'], [/옵니다\.$/, '와요.'],
    [/웁니다\.$/, '워요.'], [/눕니다\.$/, '눠요.'], [/룹니다\.$/, '뤄요.'], [/힙니다\.$/, '혀요.'], [/집니다\.$/, '져요.'], [/립니다\.$/, '려요.'],
    [/칩니다\.$/, '쳐요.'], [/갑니다\.$/, '가요.'], [/냅니다\.$/, '내요.'], [/씁니다\.$/, '써요.'], [/듭니다\.$/, '들어요.'], [/풉니다\.$/, '풀어요.'],
    [/줄입니다\.$/, '줄여요.'], [/쌓입니다\.$/, '쌓여요.'],
    [/([가-힣])입니다\.$/, (_m, stem) => `${stem}${finalOf(stem) === 0 ? '예요' : '이에요'}.`],
    [/([가-힣])습니다\.$/, (_m, stem) => `${stem}${[0, 8].includes(vowelOf(stem)) ? '아요' : '어요'}.`],
  ];
  for (const [pattern, to] of rules) {
    if (pattern.test(sentence)) return typeof to === 'string' ? sentence.replace(pattern, to) : sentence.replace(pattern, to as (m: string, s: string) => string);
  }
  return sentence;
}

/** A sentence ending in the 명사형 of notices ("~함.", "~음."): ㅂ니다 becomes ㅁ, 습니다 becomes 음. */
function toNominal(sentence: string): string {
  if (/돕습니다\.$/.test(sentence)) return sentence.replace(/돕습니다\.$/, '도움.');
  const m = /([가-힣])니다\.$/.exec(sentence);
  if (!m) return sentence;
  const before = sentence.slice(0, m.index);
  const last = m[1]!;
  if (last === '습') return `${before}음.`;
  // ㅂ is final 17, ㅁ is 16: 익힙 → 익힘, 진행합 → 진행함, 있습 handled above.
  return finalOf(last) === 17 ? `${before}${withFinal(last, 16)}.` : sentence;
}

// ---- Own details ----------------------------------------------------------------------------------------------

interface Own {
  name: string;
  dong: string;
  sessions: number;
}

/** Names the source gave itself: its institution's, then its dong's (as the catalogue records them), else its place line's. */
function namesOf(source: SourceListing, n: Notice): string[] {
  if (source.ownNames && source.ownNames.length > 0) return [...source.ownNames];
  const place = n.facts.get('장소')?.split(' ') ?? [];
  return place.length > 1 && !place[0]!.startsWith('온라인') ? [place.slice(0, -1).join(' ')] : [];
}

/** Sentences with another institution's names (its own, then its dong's) made the copier's: the longer first, so a dong inside a name goes with it. */
function renamed(body: readonly string[], names: readonly string[], own: Own): string[] {
  const renames = names.map((name, k) => [name, k === 0 ? own.name : own.dong] as const).filter(([name]) => name.length > 1)
    .sort((a, b) => b[0].length - a[0].length);
  return body.map((s) => renames.reduce((t, [name, mine]) => t.split(name).join(mine), s));
}

const weekdays = ['월', '화', '수', '목', '금', '토'];

/** The copier's schedule (its own format), place, fee and telephone, and its name and dong where the source named itself. */
function ownDetails(random: Random, n: Notice, names: readonly string[], own: Own): Notice {
  const facts = new Map(n.facts);
  const hour = random.pick([9, 10, 14, 19]);
  const day = random.pick(weekdays);
  if (facts.has('일정')) facts.set('일정', `2027. ${random.int(1, 12)}. ${random.int(1, 28)}.(${day}) 개강 / 매주 ${day} ${hour}:00~${hour + 2}:00 / 총 ${own.sessions}회`);
  if (facts.has('장소')) facts.set('장소', facts.get('장소')!.startsWith('온라인') ? '온라인 (줌 링크는 개강 전날 문자 발송)' : `${own.name} ${random.pick(rooms)}`);
  if (facts.has('수강료')) facts.set('수강료', random.pick(['무료(재료비 별도)', '3만 원', '1만 5천 원', '6만 원(교재 포함)']));
  if (facts.has('문의')) facts.set('문의', `(0${random.pick([32, 44, 52, 61, 64])}) ${random.int(200, 899)}-${random.int(1000, 9999)}`);
  const body = renamed(n.body, names, own).map((s) => s
    .replace(/총 (\d+)회, ([\d.]+)시간/, (_m, k: string, h: string) => `총 ${own.sessions}회, ${Math.round((own.sessions * Number(h) * 10) / Math.max(1, Number(k))) / 10}시간`)
    .replace(/전체 \d+회/, `전체 ${own.sessions}회`));
  return { ...n, body, facts };
}

// ---- Copy edits -----------------------------------------------------------------------------------------------

/** The sentences of the catalogue's stock (method, audience, logistics, completion, online), as patterns. */
const stockPatterns = [...methodSentences, ...Object.values(audienceSentences).flat(), ...logisticsSentences, ...completionSentences, ...onlineSentences]
  .map((t) => new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '.+?')}$`));
const isStock = (s: string) => stockPatterns.some((p) => p.test(s));

interface EditContext { random: Random; own: Own; other: Notice | undefined }

const bulleted = (random: Random, body: string[], from: number, to: number) => {
  const mark = random.pick(BULLETS);
  return body.map((s, k) => (k >= from && k < to ? `${mark}${s.replace(/\.$/, '')}` : s));
};

const copyEdits: Record<HeldOutCopyEdit, { applies: (n: Notice, c: EditContext) => boolean; apply: (n: Notice, c: EditContext) => Notice }> = {
  paraphrase: {
    applies: (n) => n.body.some((s) => !isStock(s) && paraphrases.some(([a]) => s.includes(a))),
    // Most of the phrases found, and always at least one.
    apply: (n, { random }) => {
      const found = paraphrases.filter(([a]) => n.body.some((s) => !isStock(s) && s.includes(a)));
      const surely = random.pick(found);
      return {
        ...n, body: n.body.map((s) => (isStock(s) ? s : found.reduce((t, p) => (p === surely || random.chance(0.8) ? t.split(p[0]).join(p[1]) : t), s))),
      };
    },
  },
  register: {
    applies: (n) => n.body.some((s) => s.endsWith('니다.')),
    apply: (n, { random }) => ({ ...n, body: n.body.map(random.chance(0.5) ? toHaeyo : toNominal) }),
  },
  numerals: {
    applies: () => true,
    apply: (n) => {
      const say = (s: string) => s
        .replace(/총 (\d+)회/g, (_m, k: string) => `총 ${nativeCount(Number(k))} 번`)
        .replace(/(\d+(?:\.\d+)?)시간/g, (_m, h: string) => `${Math.round(Number(h) * 60)}분`)
        .replace(/80%/g, '5분의 4').replace(/만 (\d+)세/g, (_m, a: string) => `만 ${nativeAge(Number(a))}`).replace(/1:1/g, '일대일');
      const facts = new Map(n.facts);
      const schedule = facts.get('일정');
      if (schedule) facts.set('일정', say(schedule).replace(/(\d+):00~(\d+):00/, (_m, a: string, b: string) => `${a}시부터 ${(Number(b) - Number(a)) * 60}분`));
      return { ...n, body: n.body.map(say), facts };
    },
  },
  'spacing-typos': {
    applies: () => true,
    // Three slips in three sentences, each a word run into the next, a word split, a syllable dropped or one doubled.
    apply: (n, { random }) => {
      const body = [...n.body];
      const slips: Record<string, { fits: (w: string, next: string | undefined) => boolean; make: (w: string, next: string | undefined) => string[] }> = {
        join: { fits: (w, next) => next !== undefined && isSyllable(w.at(-1)!) && isSyllable(next[0]!), make: (w, next) => [`${w}${next}`] },
        split: { fits: (w) => [...w].filter(isSyllable).length >= 4 && isSyllable(w[1]!) && isSyllable(w[2]!), make: (w) => [w.slice(0, 2), w.slice(2)] },
        drop: { fits: (w) => w.length >= 3 && isSyllable(w[0]!) && isSyllable(w[1]!) && isSyllable(w[2]!), make: (w) => [w[0]! + w.slice(2)] },
        double: { fits: (w) => w.length >= 2 && isSyllable(w[0]!) && isSyllable(w[1]!), make: (w) => [w[0]! + w] },
      };
      for (const at of random.sample(body.map((_, k) => k), 3)) {
        const words = body[at]!.split(' ');
        const fitting = (slip: (typeof slips)[string]) => words.map((_, k) => k).filter((k) => slip.fits(words[k]!, words[k + 1]));
        const fits = Object.values(slips).filter((s) => fitting(s).length > 0);
        if (fits.length === 0) continue;
        const slip = random.pick(fits);
        const w = random.pick(fitting(slip));
        words.splice(w, slip === slips.join ? 2 : 1, ...slip.make(words[w]!, words[w + 1]));
        body[at] = words.join(' ');
      }
      return { ...n, body };
    },
  },
  'drop-end': {
    applies: (n) => n.body.length >= 4,
    apply: (n, { random }) => ({ ...n, body: random.chance(0.5) ? n.body.slice(1) : n.body.slice(0, -1) }),
  },
  merge: {
    applies: (_n, { other }) => (other?.body.length ?? 0) > 0,
    apply: (n, { random, other }) => {
      const body = [...n.body];
      for (const s of random.sample(other!.body.filter((s) => !body.includes(s)), random.int(1, 2))) body.splice(random.int(1, body.length), 0, s);
      return { ...n, body };
    },
  },
  bullets: {
    applies: (n) => n.body.length >= 3,
    // The course part (opening to outcome), or the whole text, as a list.
    apply: (n, { random }) => ({ ...n, body: bulleted(random, n.body, 0, random.chance(0.5) ? Math.min(n.body.length, 3) : n.body.length) }),
  },
  'own-intro': {
    applies: () => true,
    apply: (n, { random, own }) => ({ ...n, body: [...random.pick(introductions).map((s) => s.split('{copier}').join(own.name)), ...n.body] }),
  },
  'notice-header': {
    applies: () => true,
    apply: (n, { random }) => ({ ...n, body: [random.pick(HEADERS), ...n.body] }),
  },
  'title-tag': {
    applies: () => true,
    apply: (n, { random }) => {
      const words = n.title.split(' ');
      const format = formats.find((f) => f.ko === words[words.length - 1]);
      const styles = [
        () => `${n.title} (${random.pick(seasonTags)})`,
        () => `[${random.pick(levelTags)}] ${n.title}`,
        () => `${random.pick(hanjaTags)} ${n.title}`,
        () => (format ? `${words.slice(0, -1).join(' ')} ${random.pick(englishTags)} ${format.en}` : `${n.title} ${random.pick(englishTags)} Class`),
      ];
      return { ...n, title: random.pick(styles)() };
    },
  },
};

function copyOf(random: Random, source: SourceListing, other: SourceListing | undefined): Omit<SetListing, 'id' | 'institutionId'> {
  const base = noticeOf(source);
  const theirs = sessionsOf(base, source.structure.sessionCount);
  const own: Own = { name: random.pick(copiers), dong: random.pick(copierDongs), sessions: random.chance(0.5) ? theirs : Math.max(2, theirs + random.pick([-3, -1, 1, 3, 5])) };
  let n = ownDetails(random, base, namesOf(source, base), own);
  const ownInstructor = n.instructor !== '' && random.chance(0.25);
  if (ownInstructor) n = { ...n, instructor: `${random.pick(instructorNames)} (${random.pick(instructorRoles)})` };
  // What it merges from another listing names the copier too.
  const merged = other && noticeOf(other);
  const context: EditContext = { random, own, other: merged && other && { ...merged, body: renamed(merged.body, namesOf(other, merged), own) } };
  // Three to five edits that change something here, done in one order: words before layout, layout before headers.
  const applicable = heldOutCopyEdits.filter((e) => copyEdits[e].applies(n, context));
  const chosen = random.sample(applicable, random.int(3, 5));
  for (const edit of heldOutCopyEdits) if (chosen.includes(edit)) n = copyEdits[edit].apply(n, context);
  const perSession = source.structure.sessionCount > 0 ? source.structure.totalHours / source.structure.sessionCount : 0;
  const structure: ListingStructure = { ...source.structure, sessionCount: own.sessions, totalHours: Math.round(own.sessions * perSession * 10) / 10 };
  return {
    ...written(n), structure: random.chance(0.85) ? structure : { ...structure, targetGroups: ['all'] }, kind: 'copy', of: source.id,
    edits: [...heldOutCopyEdits.filter((e) => chosen.includes(e)), ...(ownInstructor ? ['own-instructor'] : [])],
  };
}

// ---- Negatives: another course ----------------------------------------------------------------------------------

const filled = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

function courseOf(source: SourceListing): { catalogue: SubcategoryCatalogue; stem: CourseStem; others: CourseStem[] } | undefined {
  const catalogue = subcategoryCatalogue.find((c) => c.subcategory === source.subcategory);
  const stem = catalogue?.stems.filter((s) => source.title.includes(s.ko)).sort((a, b) => b.ko.length - a.ko.length)[0];
  const others = catalogue && stem ? catalogue.stems.filter((s) => s.detail && s.detail !== stem.detail && !s.ko.includes(stem.ko) && !stem.ko.includes(s.ko)) : [];
  return catalogue && stem && others.length > 0 ? { catalogue, stem, others } : undefined;
}

/** A listing of another course of the source's subcategory at an institution of its own, as `kind` describes. */
function negativeOf(random: Random, source: SourceListing, kind: NegativeKind) {
  const course = courseOf(source);
  if (!course) return undefined;
  const other = random.pick(course.others);
  const [fewest, most] = other.sessions ?? [6, 12];
  const sessions = random.int(fewest, most);
  const perSession = other.hoursPerSession ?? random.pick([1.5, 2, 3]);
  const own: Own = { name: random.pick(copiers), dong: random.pick(copierDongs), sessions };
  const values = { stem: other.ko, sessions, hours: sessions * perSession, dong: own.dong, institution: own.name };
  const base = noticeOf(source);
  const sourceStock = base.body.filter(isStock);
  const target = other.targets && other.targets.length > 0 ? random.pick(other.targets) : 'all';
  const freshStock = [
    ...random.sample(methodSentences, 2), ...random.sample(audienceSentences[target] ?? audienceSentences.all ?? [], 1),
    random.pick(logisticsSentences), ...(random.chance(0.6) ? [random.pick(completionSentences)] : []),
  ].map((t) => filled(t, values));
  const stock = kind === 'borrowed-title' ? freshStock
    : kind === 'instructor-other-course' ? [...sourceStock.filter(() => random.chance(0.5)), ...freshStock.slice(0, 2)]
      : sourceStock;
  const body = [
    filled(random.pick(course.catalogue.intros), values), other.detail!, filled(random.pick(course.catalogue.outcomes), values),
    ...stock, ...(other.materials ? [`${other.materials}입니다.`] : []),
  ];
  const instructor = kind === 'instructor-other-course' && base.instructor ? base.instructor : `${random.pick(instructorNames)} (${random.pick(instructorRoles)})`;
  const title = kind === 'borrowed-title' ? source.title : source.title.split(course.stem.ko).join(other.ko);
  // The source's facts reshaped as its own: the names it carries are the source's, so they become this institution's.
  let n = ownDetails(random, { title, body, instructor, facts: new Map(base.facts) }, namesOf(source, base), own);
  if (kind === 'formatted-sibling') {
    const context: EditContext = { random, own, other: undefined };
    const layout = random.sample(['register', 'numerals', 'bullets', 'notice-header', 'title-tag'] as const, 3);
    for (const edit of heldOutCopyEdits) if ((layout as readonly string[]).includes(edit)) n = copyEdits[edit].apply(n, context);
  }
  const structure: ListingStructure = { ...source.structure, targetGroups: [target], sessionCount: sessions, totalHours: Math.round(sessions * perSession * 10) / 10 };
  return { ...written(n), structure };
}

// ---- The set ----------------------------------------------------------------------------------------------------

/**
 * `copies` copies of distinct random sources and `negatives` negatives beside other random sources (two in five
 * same-stock courses, one in five of each other kind). Deterministic for the seed and the sources.
 */
export function heldOutSet(sources: readonly SourceListing[], counts: { copies: number; negatives: number }, seed = HELD_OUT_SEED): SetListing[] {
  const random = new Random(seed);
  const set: SetListing[] = [];
  const next = () => -4_000_000 - set.length;
  const bySubcategory = new Map<string, SourceListing[]>();
  for (const s of sources) {
    const alike = bySubcategory.get(s.subcategory);
    if (alike) alike.push(s);
    else bySubcategory.set(s.subcategory, [s]);
  }
  for (const source of random.sample(sources, counts.copies)) {
    // Another listing of the subcategory to merge from: another course where there is one.
    const others = (bySubcategory.get(source.subcategory) ?? []).filter((s) => s.id !== source.id && s.title !== source.title);
    set.push({ id: next(), institutionId: next(), ...copyOf(random, source, others.length > 0 ? random.pick(others) : undefined) });
  }
  for (const source of random.sample(sources, Math.min(sources.length, counts.negatives * 2))) {
    if (set.length >= counts.copies + counts.negatives) break;
    const kind = random.weighted<NegativeKind>([['same-stock-course', 2], ['instructor-other-course', 1], ['borrowed-title', 1], ['formatted-sibling', 1]]);
    const made = negativeOf(random, source, kind);
    if (made) set.push({ id: next(), institutionId: next(), ...made, kind: 'negative', of: source.id, edits: [kind] });
  }
  return set;
}
