/**
 * Composes people's names and program listings from the catalogue: Korean-first titles and descriptions
 * that read like municipal course listings, with English titles for the English interface.
 */
import type {
  InstitutionType, ProgramAreaCode, ProgramSubcategoryCode, PurposeTag, TargetGroupCode,
} from '../../src/shared/vocabulary/index.ts';
import {
  audienceSentences, completionSentences, familyNames, formats, givenNameSyllables, instructorTitles, levels,
  logisticsSentences, methodSentences, onlineSentences, romanisedFamilyNames, subcategoryCatalogue, targetPrefixes,
  type CourseStem, type SubcategoryCatalogue,
} from './catalogue.ts';
import type { Random } from '../../src/shared/lib/random.ts';

export function personName(random: Random): { ko: string; familyEn: string } {
  const family = random.weighted(familyNames);
  const given = random.chance(0.04)
    ? random.pick(givenNameSyllables)
    : random.pick(givenNameSyllables) + random.pick(givenNameSyllables);
  return { ko: family + given, familyEn: romanisedFamilyNames[family] ?? 'Kim' };
}

/** How common each area is among listings: the paper finds culture and leisure most common. */
const areaShare: readonly (readonly [ProgramAreaCode, number])[] = [
  ['culture_arts', 0.32], ['liberal_arts', 0.22], ['vocational', 0.16], ['citizenship', 0.12], ['basic_literacy', 0.11], ['academic_credit', 0.07],
];

/** What each kind of institution teaches more (×) or less of than the average. */
const areaAffinity: Partial<Record<InstitutionType, Partial<Record<ProgramAreaCode, number>>>> = {
  university: { academic_credit: 5, vocational: 1.5, basic_literacy: 0.2 },
  library: { liberal_arts: 2.5, basic_literacy: 1.5, vocational: 0.4 },
  welfare_centre: { basic_literacy: 2.5, liberal_arts: 1.3, academic_credit: 0.3 },
  women_centre: { vocational: 3, culture_arts: 0.8 },
  multicultural_centre: { basic_literacy: 5, citizenship: 1.5, academic_credit: 0.2 },
  culture_centre: { culture_arts: 2.5, vocational: 0.3 },
  ngo: { citizenship: 5, culture_arts: 0.4 },
  company: { vocational: 6, culture_arts: 0.2, basic_literacy: 0.2 },
  online_provider: { vocational: 2, academic_credit: 2.5, liberal_arts: 1.2 },
  school: { academic_credit: 2, liberal_arts: 1.5 },
  community_centre: { culture_arts: 1.4, citizenship: 1.3 },
};

export function pickSubcategory(random: Random, institutionType: InstitutionType): SubcategoryCatalogue {
  const affinity = areaAffinity[institutionType] ?? {};
  const area = random.weighted(areaShare.map(([code, share]) => [code, share * (affinity[code] ?? 1)] as const));
  return random.pick(subcategoryCatalogue.filter((entry) => entry.area === area));
}

export interface ComposedProgram {
  area: ProgramAreaCode;
  subcategory: ProgramSubcategoryCode;
  stem: CourseStem;
  title: string;
  titleEn: string;
  targetGroups: TargetGroupCode[];
  purposeTags: PurposeTag[];
  /** Description as separate sentences, so copies can be reordered or edited sentence by sentence. */
  sentences: string[];
  sessions: number;
  hoursPerSession: number;
  instructor: string;
}

export interface ListingContext {
  dongName: string;
  institutionName: string;
  online: boolean;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

export function composeProgram(random: Random, catalogue: SubcategoryCatalogue, context: ListingContext): ComposedProgram {
  const stem = random.pick(catalogue.stems);
  const [fewest, most] = stem.sessions ?? [6, 12];
  const sessions = random.int(fewest, most);
  const hoursPerSession = stem.hoursPerSession ?? random.pick([1.5, 2, 2, 3]);
  const stemTargets = stem.targets ?? [];
  let target: TargetGroupCode | null = stemTargets.length > 0 ? random.pick(stemTargets) : null;
  // Without a stem of its own group, a listing is for everyone most of the time, else for one group.
  if (!target && random.chance(0.35)) {
    target = random.pick(Object.keys(targetPrefixes).filter((code) => code !== 'all') as TargetGroupCode[]);
  }
  const prefix = target ? targetPrefixes[target] : undefined;
  // Titles never repeat a word the stem already has ("중국어 기초 기초", "시니어 어르신 한글").
  const stemHas = (word: string) => stem.ko.split(' ').some((part) => part.includes(word) || word.includes(part));
  const stemNamesAGroup = Object.values(targetPrefixes).some((p) => p.ko.some(stemHas));
  const prefixKo = prefix && !stemNamesAGroup && random.chance(0.7) ? random.pick(prefix.ko) : null;
  const levelChoices = levels.filter((l) => !stemHas(l.ko));
  const level = random.chance(0.55) && levelChoices.length > 0 ? random.pick(levelChoices) : null;
  const formatChoices = formats.filter((f) => !stemHas(f.ko));
  const format = random.pick(formatChoices.length > 0 ? formatChoices : formats);

  const title = [prefixKo, stem.ko, level?.ko, format.ko].filter(Boolean).join(' ');
  const titleEn = `${stem.en} ${format.en}${level ? ` (${level.en})` : ''}${prefix && prefixKo ? ` ${prefix.en}` : ''}`;

  const values = { stem: stem.ko, sessions, hours: sessions * hoursPerSession, dong: context.dongName, institution: context.institutionName };
  const instructor = personName(random).ko;
  const audience = audienceSentences[target ?? 'all'] ?? audienceSentences.all ?? [];
  const sentences = [
    fill(random.pick(catalogue.intros), values),
    ...(stem.detail ? [stem.detail] : []),
    fill(random.pick(catalogue.outcomes), values),
    fill(random.pick(methodSentences), values),
    ...(audience.length > 0 && random.chance(0.8) ? [fill(random.pick(audience), values)] : []),
    ...(context.online ? [fill(random.pick(onlineSentences), values)] : []),
    ...(stem.materials && !context.online ? [`${stem.materials}입니다.`] : []),
    fill(random.pick(logisticsSentences), values),
    ...(random.chance(0.6) ? [fill(random.pick(completionSentences), values)] : []),
    `강사: ${instructor} (${random.pick(instructorTitles)})`,
  ];

  const purposeTags = new Set<PurposeTag>(stem.purposes ?? []);
  if (target && ['low_income', 'disabled', 'multicultural', 'elderly'].includes(target) && catalogue.area === 'basic_literacy') purposeTags.add('underprivileged');
  return {
    area: catalogue.area,
    subcategory: catalogue.subcategory,
    stem,
    title,
    titleEn,
    targetGroups: target ? [target] : ['all'],
    purposeTags: [...purposeTags],
    sentences,
    sessions,
    hoursPerSession,
    instructor,
  };
}

export interface ListingFacts {
  startsOn: string;
  weekdays: string;
  startTime: string;
  endTime: string;
  sessions: number;
  place: string;
  feeKrw: number;
  phone: string;
}

/**
 * The lines that make a listing itself, as municipal catalogues print them: when, where, how much, whom
 * to ask. A copy made by another institution keeps the source's lines (see copyListing).
 */
export function factLines(facts: ListingFacts): string[] {
  const [, month, day] = facts.startsOn.split('-').map(Number);
  return [
    `일정: ${month}월 ${day}일부터 매주 ${facts.weekdays} ${facts.startTime}~${facts.endTime}, 총 ${facts.sessions}회`,
    `장소: ${facts.place}`,
    `수강료: ${facts.feeKrw === 0 ? '무료' : `${facts.feeKrw.toLocaleString('ko-KR')}원`}`,
    `문의: ${facts.phone}`,
  ];
}

export type CopyKind = 'exact' | 'edited' | 'reordered';

/**
 * A near-copy of another institution's listing, as the paper describes ("copies education program from
 * another institution"): verbatim, lightly edited (level/format words and one sentence changed), or with
 * its sentences reordered.
 */
export function copyListing(random: Random, source: { title: string; sentences: string[] }, kind: CopyKind, context: ListingContext) {
  if (kind === 'exact') return { title: source.title, sentences: [...source.sentences] };
  // The description's sentences move about; the closing lines (instructor, schedule, place…) stay last.
  const body = source.sentences.filter((s) => !/^(강사|일정|장소|수강료|문의):/.test(s));
  const closing = source.sentences.slice(body.length);
  if (kind === 'reordered') return { title: source.title, sentences: [...random.sample(body, body.length), ...closing] };
  const words = source.title.split(' ');
  const last = words.length - 1;
  words[last] = random.pick(formats.filter((f) => f.ko !== words[last])).ko;
  const edited = [...body];
  edited[random.int(1, Math.max(1, edited.length - 1))] = fill(random.pick(logisticsSentences), { dong: context.dongName, institution: context.institutionName });
  return { title: words.join(' '), sentences: [...edited, ...closing] };
}
