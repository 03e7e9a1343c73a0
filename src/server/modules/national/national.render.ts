/** The national yearly report as a Korean PDF or a workbook, made on a worker thread (as a city's annual report). */
import type { AnnualReportBody } from '../../../shared/contracts/annual-report.ts';
import { koreanDateTime } from '../../../shared/lib/korea-time.ts';
import { renderReport } from '../../platform/documents/report.ts';
import type { ReportProgress } from '../../platform/jobs/jobs.ts';
import { offThread } from '../../platform/workers/pool.ts';
import { nationalReportSections, type NationalReportData } from './national.report.ts';

export const nationalReportTitle = (year: number) => `${year}년 평생학습도시 국가 연차 보고서`;

export function renderNationalReport({ data, format }: { data: NationalReportData; format: AnnualReportBody['format'] }, progress: ReportProgress): Promise<Buffer> {
  const cover = {
    overline: '교육부 · 평생학습도시',
    title: nationalReportTitle(data.year),
    notes: [
      `${koreanDateTime(data.generatedAt)} 작성 · 평생학습도시 플랫폼`,
      '지정 이력, 재지정 평가, 도시별 지표에서 계산했습니다. 도시별 종합지수와 위험 도시 목록은 교육부 내부 자료입니다.',
    ],
  };
  return renderReport(format, cover, nationalReportSections(data), progress);
}

export const renderNationalReportOffThread = offThread(import.meta.url, renderNationalReport);
