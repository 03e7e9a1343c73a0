/**
 * One click makes a city's annual report: a Korean PDF with charts, or a workbook of all its tables, with
 * progress to watch; only the city's officers (and the ministry) may make it, and only its maker may take it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/database.ts';
import { testApp, type Client, type TestApp } from '../support/app.ts';
import { yearInKorea } from '../support/clock.ts';
import { jobFinished as finished } from '../support/jobs.ts';

const year = yearInKorea();

describe(`the annual report on ${testEngine()}`, () => {
  let t: TestApp;
  let officer: Client;
  let otherOfficer: Client;

  beforeAll(async () => {
    t = await testApp();
    [officer, otherOfficer] = await Promise.all([t.as('officer@example.com'), t.as('officer.suncheon@example.com')]);
  });
  afterAll(() => t.close());

  it('makes a Korean PDF with a page per section, showing its progress', async () => {
    const started = await officer.post('/api/cities/31060/annual-report', { year, format: 'pdf' });
    expect(started.statusCode, started.body).toBe(202);
    const { job, phases } = await finished(officer, started.json().jobId);
    expect(job).toMatchObject({ status: 'done', resultName: `광명시 ${year}년 평생학습도시 연차 보고서.pdf` });
    expect(phases.size).toBeGreaterThan(1);
    const file = await officer.get(job.resultUrl);
    expect(file.headers['content-type']).toBe('application/pdf');
    const pdf = file.rawPayload.toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    // Charts are drawn as vectors, and the Korean font is embedded.
    expect(pdf).toContain('Pretendard');
    expect(file.rawPayload.length).toBeGreaterThan(50_000);
    expect((await otherOfficer.get(job.resultUrl)).statusCode).toBe(404);
  });

  it('makes a workbook with every table of the report', async () => {
    const started = await officer.post('/api/cities/31060/annual-report', { year, format: 'xlsx' });
    const { job } = await finished(officer, started.json().jobId);
    expect(job.status).toBe('done');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await officer.get(job.resultUrl)).rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((s) => s.name);
    for (const sheet of ['보고서 요약', '종합 지수', '지표 · 삶의 질', '연도별 예산·인력·조직', '분야별 수요와 공급', '접근성이 낮은 동 상위 10', '분야별 복제 비율', '지표 정의']) {
      expect(names).toContain(sheet);
    }
    expect(workbook.getWorksheet('지표 · 경제')!.rowCount).toBeGreaterThan(3);
  });

  it('is made only by the city’s officers and the ministry, and names a wrong field', async () => {
    expect((await otherOfficer.post('/api/cities/31060/annual-report', { year, format: 'pdf' })).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/cities/31060/annual-report', { year, format: 'pdf' })).statusCode).toBe(401);
    expect((await officer.post('/api/cities/31060/annual-report', { year, format: 'docx' })).json()).toMatchObject({ field: 'format' });
    expect((await officer.post('/api/cities/31060/annual-report', { year: 1999, format: 'pdf' })).json()).toMatchObject({ field: 'year' });
  });
});
