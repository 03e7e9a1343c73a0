/**
 * The city's annual report as a Korean PDF or an Excel workbook, made on a worker thread from the gathered data:
 * laying out a PDF takes about a second of CPU that requests must not wait for.
 */
import type { AnnualReportBody } from '../../../shared/contracts/annual-report.ts';
import { koreanDateTime } from '../../../shared/lib/korea-time.ts';
import type { ReportProgress } from '../../platform/jobs/jobs.ts';
import { renderReport } from '../../platform/documents/report.ts';
import { offThread } from '../../platform/workers/pool.ts';
import type { AnnualReportData } from './annual-report.data.ts';
import { reportSections } from './annual-report.sections.ts';

export interface AnnualReportRender {
  data: AnnualReportData;
  format: AnnualReportBody['format'];
}

/** The whole document from the gathered data: its sections, then the PDF or the workbook. */
export function renderAnnualReport({ data, format }: AnnualReportRender, progress: ReportProgress): Promise<Buffer> {
  const cover = {
    overline: `${data.city.provinceShortKo} ${data.city.nameKo}`,
    title: `${data.city.nameKo} ${data.year}년 평생학습도시 연차 보고서`,
    notes: [
      `${koreanDateTime(data.generatedAt)} 작성 · 평생학습도시 플랫폼`,
      '이 보고서의 수치는 플랫폼의 운영 자료(프로그램, 수강, 수료, 만족도, 학습동아리, 자원봉사자, 행사)와 도시가 기록한 예산·인력·조직·제도·정보 인프라에서 계산했습니다.',
    ],
  };
  return renderReport(format, cover, reportSections(data), progress);
}

export const renderAnnualReportOffThread = offThread(import.meta.url, renderAnnualReport);
