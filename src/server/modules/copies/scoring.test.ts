/**
 * The copy score (scoring.ts): a copy edited several ways at once is found, a different program written on
 * the same boilerplate is not, and the parts are what they say.
 */
import { describe, expect, it } from 'vitest';
import { Random } from '../../../shared/lib/random.ts';
import { composeProgram, factLines, pickSubcategory } from '../../../../db/seed/compose.ts';
import { subcategoryCatalogue } from '../../../../db/seed/catalogue.ts';
import { COPY_THRESHOLD, COPY_WEIGHTS } from './copies.rules.ts';
import { jaccard, shingleSet } from './minhash.ts';
import {
  combine, instructorKey, learnBoilerplate, listingParts, nearCopies, profile, scoreParts, scoreReaching, sentenceKey, sentencesFound, SENTENCE_FOUND,
  structureAgreement,
  type ListingStructure, type ScoreParts,
} from './scoring.ts';

const random = new Random(1414);
const facts = (institution: string, sessions: number) => factLines({
  startsOn: `2027-0${random.int(1, 9)}-1${random.int(0, 9)}`, weekdays: random.pick(['월', '화·목', '토']), startTime: '10:00', endTime: '12:00',
  sessions, place: `${institution} 강의실`, feeKrw: random.pick([0, 30000]), phone: `02-${random.int(200, 989)}-${random.int(1000, 9999)}`,
});

/** A listing as the generator writes it. */
function original(institution: string) {
  const p = composeProgram(random, pickSubcategory(random, 'lifelong_learning_centre'), { dongName: '철산동', institutionName: institution, online: false });
  return { p, title: p.title, description: [...p.sentences, ...facts(institution, p.sessions)].join(' '), ownNames: [institution, '철산동'] };
}

/** What the country's listings carry word for word: learned from 3,000 listings of 100 institutions. */
const boilerplate = learnBoilerplate(Array.from({ length: 3000 }, (_, n) => original(`기관${n % 100} 평생학습관`)));

type Text = { title: string; description: string; ownNames?: string[]; structure?: ListingStructure };
const score = (a: Text, b: Text) => combine(scoreParts(profile(a, boilerplate), profile(b, boilerplate)), COPY_WEIGHTS);
const wholeTextJaccard = (a: { title: string; description: string }, b: { title: string; description: string }) =>
  jaccard(shingleSet(`${a.title}\n${a.description}`), shingleSet(`${b.title}\n${b.description}`));

/** A listing and another course of its subcategory, each with a sentence of its own (none when the catalogue has no such pair). */
function withAnotherCourse() {
  const source = original('광명시 평생학습원');
  const catalogue = subcategoryCatalogue.find((c) => c.subcategory === source.p.subcategory)!;
  const other = catalogue.stems.find((s) => s.detail && !s.ko.includes(source.p.stem.ko) && !source.p.stem.ko.includes(s.ko));
  return other && source.p.stem.detail ? { source, other, body: source.p.sentences.filter((s) => !s.startsWith('강사:')) } : undefined;
}

describe('the copy score', () => {
  it('splits a listing into title, body and instructor, leaving the fact lines out', () => {
    const parts = listingParts({ title: '도자기 교실', description: '흙으로 그릇을 빚습니다. 강사: 김민서 (도예가) 일정: 3월 2일부터 매주 화 10:00~12:00, 총 8회 장소: 시민회관 2층 수강료: 무료 문의: 02-123-4567' });
    expect(parts).toEqual({ title: '도자기 교실', sentences: ['흙으로 그릇을 빚습니다.'], instructor: '김민서' });
    expect(instructorKey('김민서')).toBe(instructorKey(parts.instructor));
    expect(instructorKey('')).toBe(0);
    expect(instructorKey('김민수')).not.toBe(instructorKey('김민서'));
  });

  it('learns as boilerplate the stock sentences many listings carry, an institution’s own name masked, and not what a course teaches', () => {
    const listing = original('광명시 평생학습원');
    const keyOf = (s: string) => sentenceKey(s, listing.ownNames);
    // The logistics sentence naming "광명시 평생학습원" is the one every institution writes with its own name.
    const stock = listing.p.sentences.filter((s) => s.includes('광명시 평생학습원'));
    for (const s of stock) expect(boilerplate.has(keyOf(s)), s).toBe(true);
    if (listing.p.stem.detail) expect(boilerplate.has(keyOf(listing.p.stem.detail))).toBe(false);
    expect(sentenceKey('신청은 광명시 평생학습원 누리집에서 받습니다.', ['광명시 평생학습원'])).toBe(sentenceKey('신청은 시흥시 평생학습센터 누리집에서 받습니다.', ['시흥시 평생학습센터']));
    expect(sentenceKey('수업은 총 8회입니다.')).toBe(sentenceKey('수업은 총 12회입니다.'));
    expect(sentenceKey('수업은 총 8회입니다.')).not.toBe(sentenceKey('강의는 총 8회입니다.'));
  });

  it('scores the same listing 1, with or without an instructor named', () => {
    const named = original('광명시 평생학습원');
    const unnamed = { title: named.title, description: named.description.replace(/ 강사: [^ ]+ \([^)]*\)/, '') };
    expect(listingParts(unnamed).instructor).toBe('');
    expect(score(named, named)).toBe(1);
    expect(score(unnamed, unnamed)).toBe(1);
    expect(score(named, unnamed)).toBeLessThan(1);
  });

  it('finds a copy whose details, sentences, words and title were all changed, which whole-text similarity misses', () => {
    const source = original('광명시 평생학습원');
    const body = source.p.sentences.filter((s) => !s.startsWith('강사:'));
    const instructorLine = source.p.sentences.find((s) => s.startsWith('강사:'))!;
    // Another institution's own details, a sentence dropped, one of its own added, words swapped, the title retitled.
    const edited = [...body.slice(0, 2), ...body.slice(3), '올해 새로 문을 연 강좌로 선착순 20명을 모집합니다.']
      .map((s) => s.replace(/수강생/g, '참여자').replace(/배웁니다/g, '익힙니다').replace(/함께/g, '같이').replace(/진행합니다/g, '운영합니다'));
    const copy = { title: `[신규] ${source.title.split(' ').slice(0, -1).join(' ')} 클래스`, description: [...edited, instructorLine, ...facts('시흥시 평생학습센터', source.p.sessions + 2)].join(' ') };
    expect(wholeTextJaccard(source, copy)).toBeLessThan(0.72);
    expect(score(source, copy)).toBeGreaterThanOrEqual(COPY_THRESHOLD);
    const found = nearCopies([source, copy, ...Array.from({ length: 300 }, (_, n) => original(`기관${n}`))], [1, 2, ...Array.from({ length: 300 }, (_, n) => 10 + n)]);
    expect(found.some((p) => p.i === 0 && p.j === 1)).toBe(true);
  });

  it('compares content without the template: another course on the same boilerplate shares its body, not its content; a copy keeps both', () => {
    let checked = 0;
    let contentApart = 0;
    for (let n = 0; n < 40; n++) {
      const pair = withAnotherCourse();
      if (!pair) continue;
      const { source, other, body: sentences } = pair;
      const sibling = { title: other.ko, description: sentences.map((s) => (s === source.p.stem.detail ? other.detail! : s.split(source.p.stem.ko).join(other.ko))).join(' ') };
      const parts = scoreParts(profile(source, boilerplate), profile(sibling, boilerplate));
      // A listing the generator wrote with no sentence of its own has no content to compare.
      if (parts.content === null) continue;
      expect(parts.body, source.title).toBeGreaterThan(0.5);
      // The share of the smaller side is never below Jaccard similarity of the same sets: below it, the template was left out.
      if (parts.content < parts.body) contentApart++;
      // A copy that drops a stock sentence and adds one of its own keeps its content whole.
      const copy = { title: source.title, description: [...sentences.slice(0, -1), '올해 새로 문을 연 강좌로 선착순 20명을 모집합니다.'].join(' ') };
      expect(scoreParts(profile(source, boilerplate), profile(copy, boilerplate)).content, source.title).toBeGreaterThan(0.9);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    expect(contentApart).toBeGreaterThanOrEqual(0.8 * checked);
  });

  it('aligns sentences: a copy’s sentences restyled, joined, cut or added to are found one by one; another course on the template keeps only its stock ones', () => {
    let checked = 0;
    let siblingsApart = 0;
    for (let n = 0; n < 40; n++) {
      const pair = withAnotherCourse();
      if (!pair || pair.body.length < 5) continue;
      const { source, other, body } = pair;
      // Endings restyled and words swapped everywhere, the first two sentences joined, the last one's clause cut, one sentence added.
      const restyled = body.map((s) => s.replace(/합니다\.$/, '하고 있어요.').replace(/니다\.$/, '니다요.').replace(/함께/g, '더불어').replace(/수업/g, '교육'));
      const joined = [`${restyled[0]!.replace(/\.$/, ',')} ${restyled[1]}`, ...restyled.slice(2, -1), `${restyled.at(-1)!.split(', ')[0]!.replace(/\.$/, '')}.`];
      const copy = { title: source.title, description: [...joined, '올해 새로 문을 연 강좌로 선착순 20명을 모집합니다.'].join(' ') };
      const sibling = { title: other.ko, description: body.map((s) => (s === source.p.stem.detail ? other.detail! : s.split(source.p.stem.ko).join(other.ko))).join(' ') };
      const copyFound = sentencesFound(profile(source, boilerplate), profile(copy, boilerplate));
      expect(copyFound, source.title).toBeGreaterThanOrEqual(0.8);
      // The course's own sentences are the sibling's own: most of the time some stay unfound, below what the copy keeps.
      if (sentencesFound(profile(source, boilerplate), profile(sibling, boilerplate)) < copyFound) siblingsApart++;
      expect(scoreParts(profile(source, boilerplate), profile(copy, boilerplate)).sentences).toBe(copyFound);
      checked++;
    }
    expect(checked).toBeGreaterThan(15);
    expect(siblingsApart).toBeGreaterThanOrEqual(0.8 * checked);
    // Nothing in common, nothing found; a listing without a sentence long enough to compare finds nothing either way.
    const a = profile({ title: '도자기 교실', description: '흙으로 그릇을 빚고 유약을 발라 가마에 굽습니다.' }, boilerplate);
    const b = profile({ title: '합창 교실', description: '발성과 호흡을 익혀 여러 성부로 노래를 부릅니다.' }, boilerplate);
    expect(sentencesFound(a, b)).toBe(0);
    expect(sentencesFound(a, a)).toBe(1);
    expect(sentencesFound(a, profile({ title: '도자기', description: '' }, boilerplate))).toBe(0);
  });

  it('gives the national run, by its shortcuts, the score of every pair reaching the threshold and leaves out only those below it', () => {
    // The alignment by its definition, each sentence of one side against every sentence of the other, 3-grams counted whole.
    const alikeByDefinition = (x: Uint32Array, y: Uint32Array) => [...x].filter((g) => y.includes(g)).length >= SENTENCE_FOUND * Math.min(x.length, y.length);
    const shareByDefinition = (from: Uint32Array[], among: Uint32Array[]) => from.filter((x) => among.some((y) => alikeByDefinition(x, y))).length / from.length;
    const scores: number[] = [];
    for (let n = 0; n < 30; n++) {
      const pair = withAnotherCourse();
      if (!pair) continue;
      const { source, other, body } = pair;
      const a = profile(source, boilerplate);
      const siblingSentences = body.map((s) => (s === source.p.stem.detail ? other.detail! : s.split(source.p.stem.ko).join(other.ko)));
      // From a copy to another course: the first `swapped` sentences the other course's; the source's title, retitled, or the other's;
      // a sentence and an instructor added or not.
      for (let swapped = 0; swapped <= body.length; swapped++) {
        const sentences = [...siblingSentences.slice(0, swapped), ...body.slice(swapped).map((s) => s.replace(/함께/g, '같이'))];
        for (const title of [source.title, `${source.title} 클래스`, other.ko]) {
          for (const extra of [[], ['올해 새로 문을 연 강좌로 선착순 20명을 모집합니다.', '강사: 박지훈 (도예가)']]) {
            const b = profile({ title, description: [...sentences, ...extra].join(' ') }, boilerplate);
            expect(sentencesFound(a, b)).toBe(Math.max(shareByDefinition(a.sentences, b.sentences), shareByDefinition(b.sentences, a.sentences)));
            const full = combine(scoreParts(a, b), COPY_WEIGHTS);
            // The rules' threshold, and thresholds just at, above and below this pair's score.
            for (const threshold of [COPY_THRESHOLD, full, full + 1e-9, full - 1e-9, full + 0.03, full - 0.03]) {
              expect(scoreReaching(a, b, COPY_WEIGHTS, threshold)).toBe(full >= threshold ? full : null);
            }
            scores.push(full);
          }
        }
      }
    }
    // Sentences drawn from a few 3-grams, so that pairs just at and just below SENTENCE_FOUND are common.
    const drawn = () => Uint32Array.from(new Set(Array.from({ length: random.int(4, 12) }, () => random.int(0, 24)))).sort();
    const listingOf = (sentences: Uint32Array[]) => ({ ...profile({ title: '', description: '' }, boilerplate), sentences });
    for (let n = 0; n < 2000; n++) {
      const ours = Array.from({ length: random.int(1, 5) }, drawn);
      const theirs = Array.from({ length: random.int(1, 5) }, drawn);
      expect(sentencesFound(listingOf(ours), listingOf(theirs))).toBe(Math.max(shareByDefinition(ours, theirs), shareByDefinition(theirs, ours)));
    }
    expect(scores.filter((x) => x >= COPY_THRESHOLD).length).toBeGreaterThan(50);
    expect(scores.filter((x) => x < COPY_THRESHOLD).length).toBeGreaterThan(50);
  });

  it('weighs the content only between listings naming the same instructor', () => {
    const weights = { ...COPY_WEIGHTS, content: 0, sameInstructorContent: 1 };
    const parts: ScoreParts = { body: 0.5, content: 0, title: 0.5, instructor: 1, structure: 1, sentences: 0.5 };
    // The same instructor and none of the course's words: a sibling taught by the source's instructor scores lower than with them all.
    expect(combine({ ...parts, content: 0 }, weights)).toBeLessThan(combine({ ...parts, content: 1 }, weights));
    // Different instructors: the content does not count, whatever it is.
    expect(combine({ ...parts, instructor: 0, content: 0 }, weights)).toBe(combine({ ...parts, instructor: 0, content: 1 }, weights));
    expect(combine({ ...parts, instructor: null, content: 0 }, weights)).toBe(combine({ ...parts, instructor: null, content: 1 }, weights));
    // No content to compare (boilerplate through and through): left out, not counted against.
    expect(combine({ ...parts, content: null }, weights)).toBe(combine({ ...parts, content: null }, { ...weights, sameInstructorContent: 0 }));
    const withContent = (content: number) => ({ ...parts, content });
    expect(combine(withContent(1), weights)).toBeCloseTo((0.5 * weights.title + weights.sameInstructor + weights.structure + 0.5 * weights.sentences + 1)
      / (weights.title + weights.sameInstructor + weights.structure + weights.sentences + 1), 10);
  });

  it('tells how far two programs’ structure agrees: subcategory, target groups, hours a session, sessions', () => {
    const structure = { area: 'culture_arts', subcategory: 'music', targetGroups: ['elderly'], sessionCount: 10, totalHours: 20 };
    expect(structureAgreement(structure, structure)).toBe(1);
    expect(structureAgreement(structure, { ...structure, subcategory: 'art' })).toBe(0.75);
    expect(structureAgreement(structure, { ...structure, targetGroups: ['all'] })).toBe(0.75);
    expect(structureAgreement(structure, { ...structure, sessionCount: 5, totalHours: 10 })).toBe(0.875);
    expect(structureAgreement(structure, { ...structure, totalHours: 30 })).toBe(0.75);
    const named = original('광명시 평생학습원');
    expect(scoreParts(profile({ ...named, structure }, boilerplate), profile(named, boilerplate)).structure).toBeNull();
    // The same text for another group is not quite the same program.
    const forAll = { ...named, structure: { ...structure, targetGroups: ['all'] } };
    expect(scoreParts(profile({ ...named, structure }, boilerplate), profile(forAll, boilerplate)).structure).toBe(0.75);
    expect(score({ ...named, structure }, forAll)).toBeLessThan(score({ ...named, structure }, { ...named, structure }));
  });

  it('does not flag a different course written on the same boilerplate, with its own instructor and details', () => {
    let checked = 0;
    for (let n = 0; n < 40; n++) {
      const source = original('광명시 평생학습원');
      const catalogue = subcategoryCatalogue.find((c) => c.subcategory === source.p.subcategory)!;
      const other = catalogue.stems.find((s) => !s.ko.includes(source.p.stem.ko) && !source.p.stem.ko.includes(s.ko));
      if (!other) continue;
      // Every stock sentence word for word; the course named and described anew; its own instructor and facts.
      const sentences = source.p.sentences.filter((s) => !s.startsWith('강사:'))
        .map((s) => (s === source.p.stem.detail ? other.detail ?? '' : s.split(source.p.stem.ko).join(other.ko)));
      const negative = {
        ownNames: ['시흥시 평생학습센터', '철산동'],
        title: source.title.replace(source.p.stem.ko, other.ko),
        description: [...sentences, '강사: 남궁별 (평생교육사)', ...facts('시흥시 평생학습센터', source.p.sessions)].join(' '),
      };
      expect(score(source, negative), `${source.title} / ${negative.title}`).toBeLessThan(COPY_THRESHOLD);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});
