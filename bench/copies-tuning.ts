/**
 * A tuning split of copy detection (issue 14): copies edited several ways at once and different programs
 * written on the same boilerplate (one in three under the source's very title), made with a seed, a
 * vocabulary and edits of their own, on which, with copies-tuning-compound.ts, the scoring's weights and
 * threshold are chosen (bench/copies.bench.ts). The held-out set (copies-heldout.ts) shares none of this:
 * not its seed, its synonyms, its added sentences, its rephrasings, its title words; nothing is chosen on it.
 */
import { Random } from '../src/shared/lib/random.ts';
import { subcategoryCatalogue } from '../db/seed/catalogue.ts';
import { personName } from '../db/seed/compose.ts';
import { keptStructure, type SetListing, type SourceListing } from './copies-sets.ts';

export const TUNING_SEED = 7321;

const FACT = /^(강사|일정|장소|수강료|문의):/;
const split = (description: string) => description.split(/(?<=[.!?])\s+|\s+(?=(?:강사|일정|장소|수강료|문의):)/).filter((s) => s.length > 0);

/** Word swaps of this split only (the held-out table is another). */
const swaps: readonly (readonly [string, string])[] = [
  ['수업', '시간'], ['진행합니다', '운영합니다'], ['드립니다', '해 드려요'], ['참여', '함께'], ['누구나', '모두'],
  ['처음', '초보'], ['내용', '주제'], ['방법', '요령'], ['활용', '응용'], ['익힙니다', '다룹니다'], ['만듭니다', '완성합니다'],
  ['알아봅니다', '살펴봅니다'], ['이해', '파악'], ['기본', '기초'], ['자료', '프린트'], ['신청', '접수'], ['분께', '분에게'],
  ['여러분', '모두'], ['시작', '출발'], ['직접', '스스로'], ['새로운', '새'], ['가능', '할 수 있음'],
];

const ownSentences: readonly string[] = [
  '이번 학기에는 오전반만 개설합니다.',
  '수강 신청 전 담당자와 전화 상담을 권해 드립니다.',
  '첫 수업 날에는 10분 일찍 와 주시기 바랍니다.',
  '우천 시에도 정상적으로 수업합니다.',
  '기관 소식지 구독자에게는 신청 알림을 먼저 보내 드립니다.',
  '수업 중 촬영한 영상은 수강생 단체방에서만 공유합니다.',
  '교육장 1층 카페에서 음료를 할인해 드립니다.',
  '모집 인원이 넘으면 추첨으로 선정합니다.',
];

const titleWords = ['(오전)', '(야간)', '[무료]', '[인기]', '새봄', '가을학기', '집중', '원데이', '함께 배우는'];
const towns = ['중앙동', '신흥동', '구암동', '용현동', '상계동', '진월동'];

/** Ends one or two sentences in another register: 합니다 → 해요, 습니다 → 어요 and the like. */
function restyle(random: Random, body: string[]): string[] {
  const ends: readonly (readonly [RegExp, string])[] = [[/합니다\.$/, '해요.'], [/습니다\.$/, '어요.'], [/드립니다\.$/, '드려요.'], [/바랍니다\.$/, '주세요.']];
  const at = random.sample(body.map((_, k) => k), Math.min(2, body.length));
  return body.map((s, k) => (at.includes(k) ? ends.reduce((t, [from, to]) => t.replace(from, to), s) : s));
}

function ownFacts(random: Random, facts: string[], keepInstructor: boolean): string[] {
  return facts.map((line) => {
    if (line.startsWith('강사:')) return keepInstructor ? line : `강사: ${personName(random).ko} (강사)`;
    if (line.startsWith('일정:')) return `일정: ${random.int(1, 12)}월 ${random.int(1, 28)}일부터 매주 ${random.pick(['월', '수', '금', '토'])} ${random.pick(['09:30', '13:00', '18:30'])}~${random.pick(['11:30', '15:00', '20:30'])}, 총 ${random.int(4, 16)}회`;
    if (line.startsWith('장소:')) return `장소: ${random.pick(towns)} ${random.pick(['복합문화센터', '마을학교', '공공도서관'])} ${random.pick(['3층', '2층'])}`;
    if (line.startsWith('수강료:')) return `수강료: ${random.pick(['무료', '15,000원', '40,000원'])}`;
    if (line.startsWith('문의:')) return `문의: 0${random.pick([2, 31, 51, 62])}-${random.int(100, 999)}-${random.int(1000, 9999)}`;
    return line;
  });
}

type Edit = 'drop' | 'add' | 'swap' | 'reorder' | 'restyle' | 'title';
const edits: readonly Edit[] = ['drop', 'add', 'swap', 'reorder', 'restyle', 'title'];

function copyOf(random: Random, source: SourceListing) {
  const pieces = split(source.description);
  let body = pieces.filter((s) => !FACT.test(s));
  // Most copiers keep the instructor who brings the course; some hire their own.
  const keepsInstructor = random.chance(0.75);
  const facts = ownFacts(random, pieces.filter((s) => FACT.test(s)), keepsInstructor);
  let title = source.title;
  const chosen = random.sample(edits, random.int(2, 4));
  for (const edit of chosen) {
    if (edit === 'drop' && body.length > 2) body.splice(random.int(0, body.length - 1), 1);
    if (edit === 'add') body.splice(random.int(0, body.length), 0, random.pick(ownSentences));
    if (edit === 'swap') body = body.map((s) => swaps.reduce((t, [a, b]) => (random.chance(0.5) ? t.split(a).join(b) : t), s));
    if (edit === 'reorder') body = random.sample(body, body.length);
    if (edit === 'restyle') body = restyle(random, body);
    if (edit === 'title') title = random.chance(0.5) ? `${random.pick(titleWords)} ${title}` : `${title.split(' ').slice(0, -1).join(' ') || title} ${random.pick(titleWords)}`;
  }
  return { title, description: [...body, ...facts].join(' '), edits: [...chosen, ...(keepsInstructor ? [] : ['own-instructor'])] };
}

/**
 * Another course of the source's subcategory on the source's boilerplate: its stock sentences kept, the
 * course named, described and summed up anew; its own details, and one time in five the same instructor
 * (who teaches several courses).
 */
function differentProgram(random: Random, source: SourceListing) {
  const catalogue = subcategoryCatalogue.find((c) => c.subcategory === source.subcategory);
  const stem = catalogue?.stems.filter((s) => source.title.includes(s.ko)).sort((a, b) => b.ko.length - a.ko.length)[0];
  if (!catalogue || !stem) return undefined;
  const others = catalogue.stems.filter((s) => !s.ko.includes(stem.ko) && !stem.ko.includes(s.ko));
  if (others.length === 0) return undefined;
  const other = random.pick(others);
  const fill = (template: string) => template.split('{stem}').join(other.ko);
  const pieces = split(source.description);
  const courseSentence = (s: string) => s === stem.detail || (stem.materials !== undefined && s.startsWith(stem.materials)) || s.includes(stem.ko);
  const body = pieces.filter((s) => !FACT.test(s)).flatMap((s, k) => {
    if (k === 0) return [fill(random.pick(catalogue.intros))];
    if (s === stem.detail) return other.detail ? [other.detail] : [];
    if (stem.materials && s.startsWith(stem.materials)) return other.materials ? [`${other.materials}입니다.`] : [];
    if (courseSentence(s)) return [s.split(stem.ko).join(other.ko)];
    if (catalogue.outcomes.some((o) => o.includes('{stem}') ? false : o === s)) return [fill(random.pick(catalogue.outcomes))];
    return [s];
  });
  const facts = ownFacts(random, pieces.filter((s) => FACT.test(s)), random.chance(0.2));
  const description = [...body, ...facts].join(' ');
  // Its own course's length; one time in three it keeps the source's title (another course under the same name).
  const [fewest, most] = other.sessions ?? [6, 12];
  const sessionCount = random.int(fewest, most);
  const perSession = other.hoursPerSession ?? source.structure.totalHours / Math.max(1, source.structure.sessionCount);
  const sameTitle = random.chance(1 / 3);
  return {
    title: sameTitle ? source.title : source.title.replace(stem.ko, other.ko),
    description: description.replace(/총 \d+회/, `총 ${sessionCount}회`),
    structure: { ...source.structure, sessionCount, totalHours: Math.round(sessionCount * perSession * 10) / 10 },
    kind: sameTitle ? 'same-title' : 'sibling',
  };
}

export function tuningSet(sources: readonly SourceListing[], counts: { copies: number; negatives: number }, seed = TUNING_SEED): SetListing[] {
  const random = new Random(seed);
  const set: SetListing[] = [];
  const next = () => -1_000_000 - set.length;
  for (const source of random.sample(sources, counts.copies)) {
    const copy = copyOf(random, source);
    set.push({ id: next(), institutionId: next(), ...copy, structure: keptStructure(source, copy.description), kind: 'copy', of: source.id, edits: copy.edits });
  }
  for (const source of random.sample(sources, Math.min(sources.length, counts.negatives * 2))) {
    if (set.length >= counts.copies + counts.negatives) break;
    const negative = differentProgram(random, source);
    if (negative) set.push({ id: next(), institutionId: next(), ...negative, kind: 'negative', of: source.id, edits: [negative.kind] });
  }
  return set;
}
