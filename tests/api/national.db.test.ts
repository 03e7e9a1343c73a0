/**
 * The national picture (issue 12, item 6), on both engines: the timeline and the map by year follow the designation
 * histories (a deferred and then revoked city shows so in each year); the cohorts due are the evaluation's; the index
 * by the ministry's groups is public as quartiles and named only for the ministry; the cities at risk are the
 * ministry's alone. Who sees what: anonymous visitors, a resident, a city officer and the ministry.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cohort } from '../../src/shared/contracts/evaluation.ts';
import type { AtRiskList, CohortsDue, IndexDistribution, NationalMap, NationalTimeline } from '../../src/shared/contracts/national.ts';
import { designation } from '../../src/server/modules/designation/index.ts';
import { testEngine } from '../support/database.ts';
import { todayInKorea } from '../support/clock.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { designatedIn, indicatorValues, weak } from '../support/evaluation.ts';
import { jobFinished } from '../support/jobs.ts';
import { newcomers } from '../support/review.ts';

const THIS_YEAR = Number(todayInKorea().slice(0, 4));
/** The index is the last finished year's unless asked (a year just begun has hardly any data). */
const INDEX_YEAR = THIS_YEAR - 1;

describe(`the national picture on ${testEngine()}`, () => {
  let t: TestApp;
  let ministry: Client;
  let resident: Client;
  let officer: Client;
  /** Designated in 2015; deferred in 2021, revoked in 2022. */
  let revoked: { code: string; nameKo: string };
  /** Designated in 2015; deferred last year (due again this year), its indicators last year the weakest of all. */
  let deferred: { code: string; nameKo: string };
  const db = () => t.database.db;
  const step = (code: string, state: 'deferred' | 'revoked', occurredOn: string) =>
    db().transaction((tx) => designation.recordTransition(tx, code, { state, year: Number(occurredOn.slice(0, 4)), occurredOn, reason: `재지정평가 (${state})` }, null));
  const mapOf = async (client: Client, year: number) => {
    const response = await client.get(`/api/national/map?year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<NationalMap>();
  };

  beforeAll(async () => {
    t = await testApp();
    [ministry, resident, officer] = await Promise.all([t.as('ministry@example.com'), t.as('resident@example.com'), t.as('officer@example.com')]);
    [revoked, deferred] = await newcomers(db(), '32', 2) as [{ code: string; nameKo: string }, { code: string; nameKo: string }];
    await designatedIn(db(), revoked.code, 2015);
    await step(revoked.code, 'deferred', '2021-11-20');
    await step(revoked.code, 'revoked', '2022-11-18');
    await designatedIn(db(), deferred.code, 2015);
    await step(deferred.code, 'deferred', `${THIS_YEAR - 1}-11-20`);
    await indicatorValues(db(), deferred.code, INDEX_YEAR, weak);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('counts learning cities on 31 December of each year since 2001, as the paper names the first ones', async () => {
    const response = await t.anonymous.get('/api/national/timeline');
    expect(response.statusCode, response.body).toBe(200);
    const { years } = response.json<NationalTimeline>();
    expect(years[0]!.year).toBe(2001);
    expect(years.at(-1)!.year).toBe(THIS_YEAR);
    const year = (y: number) => years.find((entry) => entry.year === y)!;
    // Gwangmyeong, Jinan and Yuseong in 2001; Jeju, Bucheon, Haeundae in 2002; Yeonsu, Geochang, Suncheon in 2003.
    expect(year(2001)).toMatchObject({ learning: 3, newlyDesignated: 3 });
    expect(year(2003)).toMatchObject({ learning: 9, newlyDesignated: 3 });
    for (const entry of years) expect(entry.learning).toBe(['designated', 'redesignated', 'excellent', 'deferred'].reduce((n, s) => n + (entry.states[s] ?? 0), 0));
    expect(year(2022).revoked).toBe(1);
    expect(year(2022).states.revoked).toBe(1);
    expect(year(2021).states.revoked ?? 0).toBe(0);
    expect(year(2015).learning - year(2014).learning).toBeGreaterThanOrEqual(2);
  });

  it('shows on each year’s map the state a city was in at the end of it: designated, deferred, then revoked', async () => {
    const stateIn = async (year: number) => (await mapOf(t.anonymous, year)).items.find((c) => c.code === revoked.code);
    expect(await stateIn(2014)).toBeUndefined();
    expect(await stateIn(2015)).toMatchObject({ state: 'designated', firstDesignatedYear: 2015, since: '2015-07-01', group: expect.any(String) });
    expect(await stateIn(2021)).toMatchObject({ state: 'deferred', since: '2021-11-20' });
    expect(await stateIn(2022)).toMatchObject({ state: 'revoked', since: '2022-11-18' });
    const map2001 = await mapOf(t.anonymous, 2001);
    expect(map2001.items.filter((c) => c.state === 'designated').map((c) => c.code).sort()).toEqual(['25040', '31060', '35320']);
    // Before a city's designation its first designation is not yet known in that year's map.
    expect(map2001.items.every((c) => c.firstDesignatedYear === null || c.firstDesignatedYear <= 2001)).toBe(true);
  });

  it('pages the map and refuses a year before the first designations', async () => {
    const all = await mapOf(t.anonymous, THIS_YEAR);
    const second = (await t.anonymous.get(`/api/national/map?year=${THIS_YEAR}&page=2&pageSize=10`)).json<NationalMap>();
    expect(second).toMatchObject({ page: 2, pageSize: 10, total: all.total });
    expect(second.items).toEqual(all.items.slice(10, 20));
    expect((await t.anonymous.get('/api/national/map?year=1999')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/national/map')).json()).toMatchObject({ field: 'year' });
  });

  it('gives the cohorts due this year and the next two as the evaluation counts them', async () => {
    const due = (await t.anonymous.get('/api/national/cohorts')).json<CohortsDue>();
    expect(due.years.map((y) => y.year)).toEqual([THIS_YEAR, THIS_YEAR + 1, THIS_YEAR + 2]);
    for (const year of due.years) {
      const cohort = (await ministry.get(`/api/evaluation/cohorts/${year.year}`)).json<Cohort>();
      expect(year.counts).toEqual(cohort.counts);
    }
    // The city deferred last year is due again this year.
    const cohort = (await ministry.get(`/api/evaluation/cohorts/${THIS_YEAR}?pageSize=100`)).json<Cohort>();
    expect(cohort.items.map((c) => c.cityCode)).toContain(deferred.code);
  });

  it('shows everyone the index by group as quartiles, and names each city’s score only to the ministry', async () => {
    for (const client of [t.anonymous, resident, officer]) {
      const response = await client.get('/api/national/index-distribution');
      expect(response.statusCode, response.body).toBe(200);
      const distribution = response.json<IndexDistribution>();
      expect(distribution.year).toBe(INDEX_YEAR);
      expect(distribution.groups.map((g) => g.group)).toEqual(['metropolitan', 'province_city', 'province_county']);
      expect(distribution.groups.some((g) => g.n > 0)).toBe(true);
      for (const group of distribution.groups) expect(group).not.toHaveProperty('cities');
      expect(response.body).not.toContain(deferred.nameKo);
    }
    const named = (await ministry.get('/api/national/index-distribution')).json<IndexDistribution>();
    for (const group of named.groups) {
      expect(group.cities).toHaveLength(group.n);
      if (group.n > 0) expect([group.cities![0]!.score, group.cities!.at(-1)!.score]).toEqual([group.min, group.max]);
    }
    const weakest = named.groups.flatMap((g) => g.cities!).find((c) => c.code === deferred.code);
    expect(weakest).toBeDefined();
    // The revoked city is not a learning city: not in any group.
    expect(named.groups.flatMap((g) => g.cities!).some((c) => c.code === revoked.code)).toBe(false);
    expect((await t.anonymous.get('/api/national/index-distribution?year=1990')).statusCode).toBe(400);
  });

  it('lists the cities at risk, with every reason, to the ministry alone', async () => {
    expect((await t.anonymous.get('/api/national/at-risk')).statusCode).toBe(401);
    for (const client of [resident, officer]) expect((await client.get('/api/national/at-risk')).statusCode).toBe(403);
    const response = await ministry.get('/api/national/at-risk?pageSize=100');
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<AtRiskList>();
    expect(list.indexYear).toBe(INDEX_YEAR);
    const risky = list.items.find((c) => c.code === deferred.code);
    expect(risky).toMatchObject({ state: 'deferred', reasons: ['deferred', 'below_peers'], totals: [] });
    expect(risky!.index!).toBeLessThan(risky!.groupP25!);
    // Most reasons first; the revoked city is no longer a learning city, so not at risk.
    expect(list.items[0]!.reasons.length).toBeGreaterThanOrEqual(list.items.at(-1)!.reasons.length);
    expect(list.items.some((c) => c.code === revoked.code)).toBe(false);
    expect(list.counts.deferred).toBeGreaterThanOrEqual(1);
    expect(list.total).toBe(list.counts.total);
    const onlyDeferred = (await ministry.get('/api/national/at-risk?reason=deferred&pageSize=100')).json<AtRiskList>();
    expect(onlyDeferred.items.every((c) => c.reasons.includes('deferred'))).toBe(true);
    expect(onlyDeferred.total).toBe(list.counts.deferred);
  });

  it('makes the ministry its national yearly report, a Korean PDF with charts and a workbook whose tables are the picture’s', async () => {
    const year = THIS_YEAR - 1;
    const pdf = await ministry.post('/api/national/report', { year, format: 'pdf' });
    expect(pdf.statusCode, pdf.body).toBe(202);
    const made = await jobFinished(ministry, pdf.json().jobId);
    expect(made.job).toMatchObject({ status: 'done', resultName: `${year}년 평생학습도시 국가 연차 보고서.pdf` });
    expect(made.phases.size).toBeGreaterThan(1);
    const file = await ministry.get(made.job.resultUrl);
    expect(file.headers['content-type']).toBe('application/pdf');
    const text = file.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    // A cover and six sections, each from a new page; the Korean font embedded.
    expect(text.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(7);
    expect(text).toContain('Pretendard');
    expect((await officer.get(made.job.resultUrl)).statusCode).toBe(404);

    const xlsx = await ministry.post('/api/national/report', { year, format: 'xlsx' });
    const book = await jobFinished(ministry, xlsx.json().jobId);
    expect(book.job.status).toBe('done');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await ministry.get(book.job.resultUrl)).rawPayload as unknown as ArrayBuffer);
    const sheet = (name: string) => {
      const found = workbook.getWorksheet(name);
      expect(found, `sheet ${name} among ${workbook.worksheets.map((s) => s.name).join(', ')}`).toBeDefined();
      return (found!.getSheetValues().slice(2) as unknown[][]).map((row) => row.slice(1));
    };
    // Each year's row as the timeline counts it; the revoked city gone in 2022.
    const timeline = (await t.anonymous.get('/api/national/timeline')).json<NationalTimeline>().years.filter((y) => y.year <= year);
    expect(sheet('연도별 평생학습도시')).toEqual(timeline.map((y) => [y.year, y.learning, y.newlyDesignated, y.revoked]));
    // Every province, their learning cities adding up to the year's.
    const provinces = sheet('시·도별 평생학습도시');
    expect(provinces).toHaveLength(17);
    expect(provinces.reduce((sum, row) => sum + Number(row[1]), 0)).toBe(timeline.at(-1)!.learning);
    // The at-risk list in full, the deferred and weakest city with both of its reasons.
    const risks = (await ministry.get('/api/national/at-risk?pageSize=100')).json<AtRiskList>();
    const atRisk = sheet('위험 도시');
    expect(atRisk).toHaveLength(risks.total);
    expect(atRisk.find((row) => row[0] === deferred.nameKo)?.[4]).toBe('유예 중 (다음 해 재평가, 미달 시 취소), 종합지수가 같은 유형 도시의 하위 25%');
    expect(sheet('평가 유형별 종합지수')).toHaveLength(3);
  });

  it('makes the national report for the ministry alone, of a year since 2001', async () => {
    expect((await t.anonymous.post('/api/national/report', { year: THIS_YEAR - 1, format: 'pdf' })).statusCode).toBe(401);
    for (const client of [resident, officer]) expect((await client.post('/api/national/report', { year: THIS_YEAR - 1, format: 'pdf' })).statusCode).toBe(403);
    for (const year of [2000, THIS_YEAR + 1]) {
      const refused = await ministry.post('/api/national/report', { year, format: 'pdf' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ field: 'year', message: expect.stringContaining('2001') });
    }
  });
});
