import { describe, expect, it } from 'vitest';
import { allocate, amountsPerCity, citiesTakingPart } from './generate.ts';
import { sizeSpecs } from './sizes.ts';
import { cumulativeTarget, demoCities } from './learning-cities.ts';
import { historyOf } from './designations.ts';
import { designationDemoApplicants } from './designation-demo.ts';
import { geographyTables } from '../../src/server/modules/geography/geography.loader.ts';
import { Random } from '../../src/shared/lib/random.ts';
import { composeProgram, copyListing, pickSubcategory } from './compose.ts';

describe('the demo generator', () => {
  it('splits totals exactly, in proportion, with a floor', () => {
    expect(allocate(10, [1, 1, 2])).toEqual([3, 2, 5]);
    const parts = allocate(1000, [5, 3, 2], 100);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(parts.every((p) => p >= 100)).toBe(true);
    expect(parts[0]).toBeGreaterThan(parts[1]!);
  });

  it('follows the national designation totals the sources give', () => {
    expect(cumulativeTarget(2001)).toBe(3);
    expect(cumulativeTarget(2005)).toBe(33);
    expect(cumulativeTarget(2007)).toBe(76);
    expect(cumulativeTarget(2025)).toBe(201);
    expect(cumulativeTarget(2013)).toBeGreaterThan(76);
    expect(cumulativeTarget(2013)).toBeLessThan(175);
  });

  it('draws the same values from the same seed, and independent streams by name', () => {
    const a = new Random(7);
    const b = new Random(7);
    expect([a.int(0, 1000), a.float()]).toEqual([b.int(0, 1000), b.float()]);
    expect(new Random(7).fork('x').int(0, 1e9)).not.toBe(new Random(7).fork('y').int(0, 1e9));
  });

  it('samples distinct items, few from many or many from few', () => {
    const random = new Random(1);
    const many = Array.from({ length: 1000 }, (_, i) => i);
    expect(new Set(random.sample(many, 10)).size).toBe(10);
    expect(new Set(random.sample(many, 900)).size).toBe(900);
    expect(random.sample([1, 2], 5)).toHaveLength(2);
  });

  it('composes Korean listings whose titles never repeat a word of the stem', () => {
    const random = new Random(3);
    for (let i = 0; i < 500; i++) {
      const listing = composeProgram(random, pickSubcategory(random, 'lifelong_learning_centre'), { dongName: '철산3동', institutionName: '광명시 평생학습원', online: false });
      const words = listing.title.split(' ');
      expect(new Set(words).size, listing.title).toBe(words.length);
      expect(listing.title).toMatch(/[가-힣]/);
      expect(listing.sentences.join(' ')).not.toMatch(/\{\w+\}/);
    }
  });

  it('makes near-copies that keep most of the source', () => {
    const random = new Random(5);
    const source = composeProgram(random, pickSubcategory(random, 'library'), { dongName: '하안1동', institutionName: '광명시 중앙도서관', online: false });
    const context = { dongName: '연향동', institutionName: '순천시 평생학습관', online: false };
    expect(copyListing(random, source, 'exact', context)).toEqual({ title: source.title, sentences: source.sentences });
    const reordered = copyListing(random, source, 'reordered', context);
    expect([...reordered.sentences].sort()).toEqual([...source.sentences].sort());
    const edited = copyListing(random, source, 'edited', context);
    expect(edited.sentences.filter((s, i) => s === source.sentences[i]).length).toBeGreaterThanOrEqual(source.sentences.length - 1);
  });

  it('gives the demo the country\'s designation history over the real 229 municipalities (issue 12, item 6)', () => {
    const codes = geographyTables().municipalities.map((m) => m.code);
    expect(codes).toHaveLength(229);
    const lastCompleteYear = 2025;
    const cities = citiesTakingPart('demo', codes, lastCompleteYear, new Random(2001), designationDemoApplicants);
    expect(new Set(cities.map((c) => c.code))).toEqual(new Set(codes));
    // Count as the national map does: a city is designated from the year of its history's 'designated' step.
    const designatedIn = new Map<string, number>();
    for (const city of cities.filter((c) => Number.isFinite(c.designatedYear))) {
      const step = historyOf(city, lastCompleteYear, new Random(1).fork(city.code)).find((t) => t.state === 'designated')!;
      designatedIn.set(city.code, step.year);
    }
    const designatedBy = (year: number) => [...designatedIn.values()].filter((y) => y <= year).length;
    // The paper's counts, then the ministry's.
    expect([2001, 2005, 2006, 2007].map(designatedBy)).toEqual([3, 33, 57, 76]);
    expect(designatedBy(2008)).toBe(cumulativeTarget(2008));
    expect(designatedBy(2020)).toBe(175);
    expect(designatedBy(lastCompleteYear)).toBe(201);
    for (let year = 2001; year <= lastCompleteYear; year++) expect(designatedBy(year), String(year)).toBe(cumulativeTarget(year));
    // The paper's and the stories' cities keep their years; the designation demo's applicants may still apply.
    for (const city of demoCities) expect(designatedIn.get(city.code), city.code).toBe(city.designatedYear);
    for (const code of designationDemoApplicants) expect(designatedIn.has(code), code).toBe(false);
    // The tests' sizes keep the 31 cities only, so never-designated municipalities remain for them.
    expect(citiesTakingPart('tiny', codes, lastCompleteYear, new Random(2001)).map((c) => c.code)).toEqual(demoCities.map((c) => c.code));
  });

  it('keeps the story cities\' data as it was when they were the whole demo, and gives every other municipality its floor', () => {
    const codes = geographyTables().municipalities.map((m) => m.code);
    const cities = citiesTakingPart('demo', codes, 2025, new Random(2001), designationDemoApplicants).map((c) => c.code);
    const weights = cities.map((_, i) => 1 + (i % 7));
    const all = amountsPerCity(sizeSpecs.demo, cities, weights);
    const { others: _, ...storyOnly } = sizeSpecs.demo;
    const story = amountsPerCity({ ...storyOnly, cities: demoCities.length }, cities.slice(0, demoCities.length), weights.slice(0, demoCities.length));
    expect(all.programsPerCity.slice(0, demoCities.length)).toEqual(story.programsPerCity);
    expect(all.residentsPerCity.slice(0, demoCities.length)).toEqual(story.residentsPerCity);
    expect(all.institutionsPerCity.slice(0, demoCities.length)).toEqual(story.institutionsPerCity);
    expect(all.enrolmentsPerCity.slice(0, demoCities.length)).toEqual(story.enrolmentsPerCity);
    const rest = (amounts: number[]) => amounts.slice(demoCities.length);
    expect(rest(all.institutionsPerCity)).toHaveLength(229 - demoCities.length);
    expect(Math.min(...rest(all.institutionsPerCity))).toBeGreaterThanOrEqual(4);
    expect(Math.min(...rest(all.programsPerCity))).toBeGreaterThanOrEqual(20);
    // 30 residents at least: the satisfaction survey shows (and the evaluation scores) a city from 30 answers.
    expect(Math.min(...rest(all.residentsPerCity))).toBeGreaterThanOrEqual(30);
    expect(rest(all.programsPerCity).reduce((a, b) => a + b, 0)).toBe(sizeSpecs.demo.others!.programs);
  });
});
