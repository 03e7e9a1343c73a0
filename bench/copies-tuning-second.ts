/**
 * A tuning split of copy detection (issue 14): the second held-out set. Written before the scored detector
 * of commit 77c7cca was built and checked once at its rules (decision 004: held-out precision 0.8755,
 * recall 0.77); its failures were then read, so it is tuning data now, beside copies-tuning.ts and
 * copies-tuning-compound.ts, and the held-out set is copies-heldout.ts (a third seed, code and vocabulary).
 *
 * Copies made from real listings as an institution makes another's listing its own: their own details
 * (schedule, sessions, place, fee, telephone, their own name where the source named itself), one time in five
 * their own instructor, and three to five of: sentences trimmed, sentences of their own added, words swapped
 * for synonyms, sentences shuffled, stock phrases said another way, the title changed. Negatives, each beside
 * a source at another institution: `sibling` (another course of the subcategory on the source's template,
 * its own instructor), `sibling-same-instructor` (the same, taught by the source's instructor) and
 * `same-title` (the source's title word for word, taught differently).
 */
import { Random } from '../src/shared/lib/random.ts';
import { audienceSentences, completionSentences, formats, levels, logisticsSentences, methodSentences, subcategoryCatalogue } from '../db/seed/catalogue.ts';
import type { ListingStructure } from '../src/server/modules/copies/scoring.ts';
import { keptStructure, type SetListing, type SourceListing } from './copies-sets.ts';

export const SECOND_SEED = 90417;

export const secondCopyEdits = ['trim', 'extend', 'synonyms', 'shuffle', 'rephrase', 'retitle'] as const;
export const secondNegativeKinds = ['sibling', 'sibling-same-instructor', 'same-title'] as const;

// ---- Reading a listing ------------------------------------------------------------------------------------

interface Listing {
  title: string;
  sentences: string[];
  /** "강사: …", "일정: …" and the other labelled lines, by label. */
  lines: Map<string, string>;
}

const LABELS = ['강사', '일정', '장소', '수강료', '문의'];

function read(text: { title: string; description: string }): Listing {
  const lines = new Map<string, string>();
  let rest = text.description;
  // The labelled lines come last; peel them off from the end.
  for (;;) {
    const at = Math.max(...LABELS.map((l) => rest.lastIndexOf(` ${l}:`)));
    if (at < 0) break;
    const line = rest.slice(at + 1);
    lines.set(line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim());
    rest = rest.slice(0, at);
  }
  return { title: text.title, sentences: rest.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0), lines };
}

const written = (l: Listing) => ({
  title: l.title,
  description: [...l.sentences, ...LABELS.filter((label) => l.lines.has(label)).map((label) => `${label}: ${l.lines.get(label)}`)].join(' '),
});

// ---- Its own vocabulary -----------------------------------------------------------------------------------

/** One-way swaps an institution makes in its own words (a word, what it writes instead). */
const synonyms: readonly (readonly [string, string])[] = [
  ['익힙니다', '공부합니다'], ['만듭니다', '제작합니다'], ['알아봅니다', '배워 봅니다'], ['함께', '다 같이'], ['참여하실', '오실'],
  ['진행합니다', '엽니다'], ['기초', '기본'], ['실습', '직접 해 보기'], ['활용', '이용'], ['생활', '살림'], ['다양한', '갖가지'],
  ['배움', '공부'], ['내용', '주제'], ['분께', '분들께'], ['도움', '보탬'], ['쉽게', '수월하게'], ['직접', '몸소'], ['과정', '프로그램'],
  ['수강생', '교육생'], ['완성합니다', '마무리합니다'], ['작품', '작업물'], ['방법', '노하우'], ['즐겁게', '신나게'], ['편하게', '마음 편히'],
  ['배웁니다', '공부합니다'], ['살펴봅니다', '짚어 봅니다'], ['나눕니다', '이야기합니다'], ['준비', '채비'], ['이해', '깨우침'], ['기회', '자리'],
];

/** Phrases of the generator's stock sentences said another way (the sentence around them kept). */
const rephrasings: readonly (readonly [string, string])[] = [
  ['이론 설명보다 실습에 더 많은 시간을 배정합니다', '설명은 줄이고 실습 위주로 꾸립니다'],
  ['1:1로 피드백을 드립니다', '개인별로 지도해 드립니다'],
  ['지난 시간 내용을 짧게 복습하고', '앞 시간에 배운 것을 잠깐 돌아보고'],
  ['기초부터 차근차근 진행합니다', '기본부터 천천히 알려 드립니다'],
  ['지루할 틈 없이', '시간 가는 줄 모르게'],
  ['곁에서 지원합니다', '옆에서 돕습니다'],
  ['따로 챙겨 드립니다', '별도로 보내 드립니다'],
  ['바로 생활에 적용해 볼 수 있습니다', '일상에서 곧바로 써 볼 수 있습니다'],
  ['질의응답 시간을 넉넉히 둡니다', '묻고 답하는 시간을 충분히 갖습니다'],
  ['수업 내용과 진행 방식을 보완합니다', '수업을 더 낫게 고쳐 갑니다'],
  ['나이와 경험에 관계없이 누구나 참여하실 수 있습니다', '나이나 경력을 따지지 않고 누구든 오실 수 있습니다'],
  ['폭넓게 함께할 수 있는 과정입니다', '모두 들을 수 있는 강좌입니다'],
  ['많은 참여를 기다립니다', '많은 신청 바랍니다'],
  ['부담 없이 참여하실 수 있습니다', '걱정 없이 오셔도 됩니다'],
  ['많은 참여를 바랍니다', '신청을 기다립니다'],
  ['우선 선발하며 잔여석은 선착순으로 접수합니다', '먼저 뽑고 남는 자리는 신청 순서대로 받습니다'],
  ['누리집이나 방문 접수로 가능하며', '홈페이지나 방문으로 신청할 수 있고'],
  ['대기자로 등록됩니다', '대기 순번을 드립니다'],
  ['첫 수업에 현장 결제합니다', '첫날 교육장에서 냅니다'],
  ['필기도구는 각자 지참해 주시기 바랍니다', '필기구는 본인이 챙겨 오세요'],
  ['수강료를 감면받으실 수 있습니다', '수강료 할인을 받습니다'],
  ['가급적 대중교통을 이용해 주시기 바랍니다', '되도록 버스나 지하철로 오세요'],
  ['편하게 오실 수 있습니다', '어려움 없이 오실 수 있습니다'],
  ['폐강될 수 있으며', '강좌가 취소될 수 있고'],
  ['개별 문자로 알려 드립니다', '문자로 따로 알려 드립니다'],
  ['전액 돌려드립니다', '모두 환불합니다'],
  ['친절히 안내해 드립니다', '자세히 설명해 드립니다'],
  ['수료증을 발급합니다', '이수증을 드립니다'],
  ['수료증을 드립니다', '이수증을 발급해 드립니다'],
  ['나의 학습 이력으로 관리할 수 있습니다', '내 배움 기록으로 남길 수 있습니다'],
  ['수료 후 모임을 지원합니다', '수료 뒤 모임을 돕습니다'],
  ['다양한 혜택을 받을 수 있습니다', '여러 혜택이 있습니다'],
  ['다음 과정 기획에 반영합니다', '다음 강좌를 만들 때 참고합니다'],
  ['접속 링크는 문자로 안내합니다', '접속 주소는 문자로 보내 드립니다'],
  ['녹화본을 일주일 동안 제공해', '녹화 영상을 일주일간 올려 두어'],
  ['보호자 동의서를 함께 제출해 주시기 바랍니다', '보호자 동의서도 같이 내 주세요'],
  ['활동 중심으로 구성했습니다', '활동 위주로 짰습니다'],
  ['통역 지원을 받을 수 있습니다', '통역을 도와 드립니다'],
  ['직장인에게 알맞은 과정입니다', '직장인에게 맞춘 강좌입니다'],
  ['수강료 전액을 감면해 드립니다', '수강료를 받지 않습니다'],
];

const ownSentences: readonly string[] = [
  '이번 기수는 소수 정예로 운영합니다.',
  '수업 장소가 바뀌면 미리 문자로 알려 드립니다.',
  '작년 수강생들의 요청으로 다시 개설했습니다.',
  '첫 시간에는 수준 확인을 위한 간단한 상담이 있습니다.',
  '간식과 음료는 기관에서 준비합니다.',
  '수강생끼리 소식을 나누는 단체 대화방을 운영합니다.',
  '마지막 시간에는 작은 발표회를 엽니다.',
  '장애가 있는 분은 신청하실 때 필요한 지원을 알려 주세요.',
  '이 강좌는 구청 평생학습 지원 사업으로 운영됩니다.',
  '결석이 잦으면 다음 학기 신청이 제한될 수 있습니다.',
  '주차권은 2시간까지 지원합니다.',
  '수업은 한국어로 진행하며 외국인 주민도 환영합니다.',
];

const surnames = ['권', '황', '안', '송', '전', '홍', '유', '고', '문', '양', '손', '배', '백', '허'];
const givens = ['다은', '시우', '유진', '건우', '채원', '준서', '나연', '승민', '혜진', '동현', '순자', '말순', '재석', '보람'];
const titles = ['전문강사', '공예가', '평생교육 강사', '마을 선생님', '지도사', '코치'];
const copierNames = ['행복나눔 평생교육원', '마을배움 협동조합', '푸른숲 주민센터', '새누리 문화원', '한빛 복지관', '온누리 작은도서관'];
const halls = ['제1강의실', '배움방', '다목적홀', '세미나룸', '공방'];
const days = ['월', '화', '수', '목', '금', '토', '월·목', '화·금'];
const titleHeads = ['우리동네', '슬기로운', '알찬', '쉽고 재미있는', '신나는', '생활 속'];
const titleTails = ['(봄학기)', '(여름 특강)', '2027 가을', '(토요반)', '- 수강생 모집'];
const newFormats = ['배움교실', '스쿨', '살롱', '랩', '모임', '세미나'];

// ---- Copies -----------------------------------------------------------------------------------------------

/** The copier's own schedule, sessions, place, fee and telephone; its own name wherever the source named itself. */
function ownDetails(random: Random, l: Listing): Listing {
  const lines = new Map(l.lines);
  const sessions = Number(/총 (\d+)회/.exec(l.lines.get('일정') ?? '')?.[1] ?? '10');
  const mine = random.chance(0.6) ? sessions : Math.max(3, sessions + random.pick([-3, -2, 2, 3, 6]));
  const hour = random.pick([9, 10, 13, 15, 19]);
  if (lines.has('일정')) lines.set('일정', `${random.int(1, 12)}월 ${random.int(1, 28)}일 개강, 매주 ${random.pick(days)} ${hour}시~${hour + 2}시 (총 ${mine}회)`);
  const name = random.pick(copierNames);
  const theirs = l.lines.get('장소')?.split(' ').slice(0, -1).join(' ');
  if (lines.has('장소')) lines.set('장소', `${name} ${random.pick(halls)}`);
  if (lines.has('수강료')) lines.set('수강료', random.pick(['무료', '1만 원', '2만 5천 원', '재료비만 받습니다']));
  if (lines.has('문의')) lines.set('문의', `0${random.pick([31, 41, 43, 54, 63])}) ${random.int(300, 899)}-${random.int(1000, 9999)}`);
  const sentences = l.sentences.map((s) => (theirs && theirs.length > 1 ? s.split(theirs).join(name) : s)
    .replace(/총 \d+회/g, `총 ${mine}회`).replace(/전체 \d+회/g, `전체 ${mine}회`));
  return { ...l, sentences, lines };
}

const newInstructor = (random: Random) => `${random.pick(surnames)}${random.pick(givens)} (${random.pick(titles)})`;

const copyEdits: Record<(typeof secondCopyEdits)[number], (random: Random, l: Listing) => Listing> = {
  trim: (random, l) => {
    const drop = new Set(random.sample(l.sentences.map((_, k) => k), l.sentences.length > 5 ? 2 : 1));
    return l.sentences.length < 3 ? l : { ...l, sentences: l.sentences.filter((_, k) => !drop.has(k)) };
  },
  extend: (random, l) => {
    const sentences = [...l.sentences];
    for (const s of random.sample(ownSentences, random.int(1, 2))) sentences.splice(random.int(0, sentences.length), 0, s);
    return { ...l, sentences };
  },
  synonyms: (random, l) => ({
    ...l, sentences: l.sentences.map((s) => synonyms.reduce((t, [a, b]) => (t.includes(a) && random.chance(0.5) ? t.split(a).join(b) : t), s)),
  }),
  shuffle: (random, l) => ({ ...l, sentences: random.sample(l.sentences, l.sentences.length) }),
  rephrase: (_random, l) => ({ ...l, sentences: l.sentences.map((s) => rephrasings.reduce((t, [a, b]) => t.split(a).join(b), s)) }),
  retitle: (random, l) => {
    let words = l.title.split(' ');
    for (const change of random.sample(['head', 'tail', 'format', 'level'], 2)) {
      if (change === 'head') words = [random.pick(titleHeads), ...words];
      if (change === 'tail') words = [...words, random.pick(titleTails)];
      if (change === 'format') {
        const at = words.findIndex((w) => formats.some((f) => f.ko === w));
        if (at >= 0) words[at] = random.pick(newFormats);
        else words.push(random.pick(newFormats));
      }
      if (change === 'level') words = words.filter((w) => !levels.some((v) => v.ko === w));
    }
    return { ...l, title: words.join(' ') };
  },
};

function copyOf(random: Random, source: SourceListing): Omit<SetListing, 'id' | 'institutionId'> {
  let l = ownDetails(random, read(source));
  const keepsInstructor = random.chance(0.8);
  if (!keepsInstructor && l.lines.has('강사')) l.lines.set('강사', newInstructor(random));
  const edits = random.sample(secondCopyEdits, random.int(3, 5));
  // Phrases are said another way before words are swapped inside them, and the order is shuffled last.
  for (const edit of secondCopyEdits) if (edits.includes(edit)) l = copyEdits[edit](random, l);
  const text = written(l);
  const structure = keptStructure(source, text.description);
  return {
    ...text,
    structure: random.chance(0.9) ? structure : { ...structure, targetGroups: ['all'] },
    kind: 'copy', of: source.id,
    edits: [...secondCopyEdits.filter((e) => edits.includes(e)), ...(keepsInstructor ? [] : ['own-instructor'])],
  };
}

// ---- Negatives --------------------------------------------------------------------------------------------

function courseOf(source: SourceListing) {
  const catalogue = subcategoryCatalogue.find((c) => c.subcategory === source.subcategory);
  const stem = catalogue?.stems.filter((s) => source.title.includes(s.ko)).sort((a, b) => b.ko.length - a.ko.length)[0];
  const others = catalogue && stem ? catalogue.stems.filter((s) => !s.ko.includes(stem.ko) && !stem.ko.includes(s.ko)) : [];
  return catalogue && stem && others.length > 0 ? { catalogue, stem, others } : undefined;
}

const fillIn = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));

function structureOf(random: Random, source: SourceListing, stem: { sessions?: [number, number]; hoursPerSession?: number; targets?: string[] }): ListingStructure {
  const [fewest, most] = stem.sessions ?? [6, 12];
  const sessionCount = random.int(fewest, most);
  const perSession = stem.hoursPerSession ?? (source.structure.sessionCount > 0 ? source.structure.totalHours / source.structure.sessionCount : 2);
  const targetGroups = stem.targets && stem.targets.length > 0 && random.chance(0.7) ? [random.pick(stem.targets)] : source.structure.targetGroups;
  return { ...source.structure, targetGroups, sessionCount, totalHours: Math.round(sessionCount * perSession * 10) / 10 };
}

/** Another course of the subcategory on the source's template: stock sentences kept, the course's own sentences its own. */
function sibling(random: Random, source: SourceListing, sameInstructor: boolean) {
  const course = courseOf(source);
  if (!course) return undefined;
  const other = random.pick(course.others);
  const l = read(source);
  const sentences = l.sentences.flatMap((s) => {
    if (s === course.stem.detail) return other.detail ? [other.detail] : [];
    if (course.stem.materials && s.startsWith(course.stem.materials)) return other.materials ? [`${other.materials}입니다.`] : [];
    return [s.split(course.stem.ko).join(other.ko)];
  });
  const lines = new Map(l.lines);
  if (!sameInstructor && lines.has('강사')) lines.set('강사', newInstructor(random));
  const own = ownDetails(random, { title: l.title.split(course.stem.ko).join(other.ko), sentences, lines });
  const structure = structureOf(random, source, other);
  own.lines.set('일정', (own.lines.get('일정') ?? '').replace(/총 \d+회/, `총 ${structure.sessionCount}회`));
  return { ...written(own), structure };
}

/** The source's title on another institution's listing of its own: another course's content, its own stock sentences. */
function sameTitle(random: Random, source: SourceListing) {
  const course = courseOf(source);
  if (!course) return undefined;
  const other = random.pick(course.others);
  const structure = structureOf(random, source, other);
  const values = { stem: course.stem.ko, sessions: structure.sessionCount, hours: structure.totalHours, dong: '', institution: random.pick(copierNames) };
  const audience = audienceSentences[(structure.targetGroups[0] ?? 'all') as keyof typeof audienceSentences] ?? audienceSentences.all ?? [];
  const sentences = [
    fillIn(random.pick(course.catalogue.intros), values),
    ...(other.detail ? [other.detail] : []),
    fillIn(random.pick(course.catalogue.outcomes), values),
    fillIn(random.pick(methodSentences), values),
    ...(audience.length > 0 ? [fillIn(random.pick(audience), values)] : []),
    fillIn(random.pick(logisticsSentences), values),
    ...(random.chance(0.5) ? [fillIn(random.pick(completionSentences), values)] : []),
  ];
  const l = ownDetails(random, { title: source.title, sentences, lines: new Map([['강사', newInstructor(random)], ...[...read(source).lines].filter(([k]) => k !== '강사')]) });
  l.lines.set('일정', (l.lines.get('일정') ?? '').replace(/총 \d+회/, `총 ${structure.sessionCount}회`));
  return { ...written(l), title: source.title, structure };
}

// ---- The set ----------------------------------------------------------------------------------------------

/**
 * `copies` copies of distinct random sources and `negatives` negatives beside other random sources (two in
 * five siblings, one in five siblings with the same instructor, two in five same titles). Deterministic for
 * the seed and the sources.
 */
export function secondSet(sources: readonly SourceListing[], counts: { copies: number; negatives: number }, seed = SECOND_SEED): SetListing[] {
  const random = new Random(seed);
  const set: SetListing[] = [];
  const next = () => -2_000_000 - set.length;
  for (const source of random.sample(sources, counts.copies)) set.push({ id: next(), institutionId: next(), ...copyOf(random, source) });
  for (const source of random.sample(sources, Math.min(sources.length, counts.negatives * 2))) {
    if (set.length >= counts.copies + counts.negatives) break;
    const kind = random.weighted<(typeof secondNegativeKinds)[number]>([['sibling', 2], ['sibling-same-instructor', 1], ['same-title', 2]]);
    const made = kind === 'same-title' ? sameTitle(random, source) : sibling(random, source, kind === 'sibling-same-instructor');
    if (made) set.push({ id: next(), institutionId: next(), ...made, kind: 'negative', of: source.id, edits: [kind] });
  }
  return set;
}
