/**
 * The report's sections as a Korean PDF (pdfmake, charts as vectors) or an Excel workbook (a sheet per table),
 * made on a worker thread from the gathered data: laying out a PDF takes about a second of CPU that requests must not wait for.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { AnnualReportBody } from '../../../shared/contracts/annual-report.ts';
import { koreanDateTime } from '../../../shared/lib/korea-time.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { newWorkbook, sheetName } from '../../platform/documents/workbook.ts';
import type { ReportProgress } from '../../platform/jobs/jobs.ts';
import { offThread } from '../../platform/workers/pool.ts';
import type { AnnualReportData } from './annual-report.data.ts';
import { reportSections, type ReportSection, type ReportTable } from './annual-report.sections.ts';

const cellText = (cell: string | number | null) => (cell === null ? '—' : typeof cell === 'number' ? cell.toLocaleString('ko-KR') : cell);

function pdfTable(table: ReportTable): Content[] {
  if (table.rows.length === 0) return [];
  const header: TableCell[] = table.columns.map((c) => ({ text: c, style: 'th' }));
  return [
    { text: table.title, style: 'h3' },
    {
      table: { headerRows: 1, widths: table.columns.map((_, i) => (i === 0 ? '*' : 'auto')), body: [header, ...table.rows.map((row) => row.map((c) => ({ text: cellText(c) })))] },
      layout: 'lightHorizontalLines', fontSize: table.columns.length > 8 ? 7 : 8.5, margin: [0, 2, 0, 10],
    },
  ];
}

async function reportPdf(data: AnnualReportData, sections: readonly ReportSection[], onStep: ReportProgress): Promise<Buffer> {
  const content: Content[] = [
    { text: `${data.city.provinceShortKo} ${data.city.nameKo}`, style: 'cover', margin: [0, 160, 0, 8] },
    { text: `${data.year}년 평생학습도시 연차 보고서`, style: 'title' },
    { text: `${koreanDateTime(data.generatedAt)} 작성 · 평생학습도시 플랫폼`, margin: [0, 24, 0, 0] },
    { text: '이 보고서의 수치는 플랫폼의 운영 자료(프로그램, 수강, 수료, 만족도, 학습동아리, 자원봉사자, 행사)와 도시가 기록한 예산·인력·조직·제도·정보 인프라에서 계산했습니다.', margin: [0, 12, 0, 0], fontSize: 9 },
  ];
  for (const [i, section] of sections.entries()) {
    onStep('Drawing charts', i, sections.length);
    content.push({ text: section.title, style: 'h2', pageBreak: 'before' });
    for (const paragraph of section.paragraphs) content.push({ text: paragraph, margin: [0, 0, 0, 6] });
    // A chart stays on one page with its title.
    for (const chart of section.charts) {
      content.push({ stack: [{ text: chart.title, style: 'h3' }, { svg: await chart.svg(), width: chart.width ?? 460, margin: [0, 0, 0, 10] }], unbreakable: true });
    }
    for (const table of section.tables) content.push(...pdfTable(table));
  }
  onStep('Laying out the pages', 0, 1);
  return renderPdf({
    info: { title: `${data.city.nameKo} ${data.year}년 평생학습도시 연차 보고서` },
    pageSize: 'A4',
    pageMargins: [48, 56, 48, 56],
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'center', fontSize: 8, margin: [0, 24, 0, 0] }),
    content,
    styles: {
      cover: { fontSize: 16 },
      title: { fontSize: 24, bold: true },
      h2: { fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      th: { bold: true },
    },
  });
}

async function reportWorkbook(data: AnnualReportData, sections: readonly ReportSection[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Learning City';
  workbook.title = `${data.city.nameKo} ${data.year}년 평생학습도시 연차 보고서`;
  const summary = workbook.addWorksheet('보고서 요약');
  const used = new Set([summary.name.toLowerCase()]);
  summary.columns = [{ width: 120 }];
  summary.addRow([workbook.title]).font = { bold: true, size: 14 };
  for (const section of sections) {
    summary.addRow([]);
    summary.addRow([section.title]).font = { bold: true };
    for (const paragraph of section.paragraphs) summary.addRow([paragraph]).alignment = { wrapText: true };
    for (const table of section.tables) {
      const sheet = workbook.addWorksheet(sheetName(table.title, used), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = table.columns.map((header, i) => ({ header, width: i === 0 ? 30 : 14 }));
      sheet.getRow(1).font = { bold: true };
      for (const row of table.rows) sheet.addRow(row);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface AnnualReportRender {
  data: AnnualReportData;
  format: AnnualReportBody['format'];
}

/** The whole document from the gathered data: its sections, then the PDF or the workbook. */
export async function renderAnnualReport({ data, format }: AnnualReportRender, progress: ReportProgress): Promise<Buffer> {
  const sections = reportSections(data);
  if (format === 'xlsx') {
    progress('Writing the workbook', 0, 1);
    return reportWorkbook(data, sections);
  }
  return reportPdf(data, sections, progress);
}

export const renderAnnualReportOffThread = offThread(import.meta.url, renderAnnualReport);
