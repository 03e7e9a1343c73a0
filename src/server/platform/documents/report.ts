/**
 * A report as sections of paragraphs, charts and tables, made into a Korean PDF (pdfmake, charts as vectors) or an
 * Excel workbook (a summary sheet of the text, a sheet per table). What a report says is its module's; how any report
 * looks on paper and in a workbook is decided here once.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { ReportProgress } from '../jobs/jobs.ts';
import { renderPdf } from './pdf.ts';
import { newWorkbook, sheetName } from './workbook.ts';

export type Cell = string | number | null;

export interface ReportTable {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface ReportChart {
  title: string;
  svg: () => Promise<string>;
  /** Width on the page in points (default: the text's width). */
  width?: number;
}

export interface ReportSection {
  title: string;
  paragraphs: string[];
  charts: ReportChart[];
  tables: ReportTable[];
}

export interface ReportCover {
  /** The document's title (the PDF's too, and the workbook's first line). */
  title: string;
  /** Above the title, smaller: whose report it is. */
  overline: string;
  /** Below the title: when and from what it was made. */
  notes: string[];
}

const cellText = (cell: Cell) => (cell === null ? '—' : typeof cell === 'number' ? cell.toLocaleString('ko-KR') : cell);

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

export async function reportPdf(cover: ReportCover, sections: readonly ReportSection[], onStep: ReportProgress): Promise<Buffer> {
  const content: Content[] = [
    { text: cover.overline, style: 'cover', margin: [0, 160, 0, 8] },
    { text: cover.title, style: 'title' },
    ...cover.notes.map((note, i): Content => (i === 0 ? { text: note, margin: [0, 24, 0, 0] } : { text: note, margin: [0, 12, 0, 0], fontSize: 9 })),
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
    info: { title: cover.title },
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

export async function reportWorkbook(title: string, sections: readonly ReportSection[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Learning City';
  workbook.title = title;
  const summary = workbook.addWorksheet('보고서 요약');
  const used = new Set([summary.name.toLowerCase()]);
  summary.columns = [{ width: 120 }];
  summary.addRow([title]).font = { bold: true, size: 14 };
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

/** The report as the format asked for. */
export function renderReport(format: 'pdf' | 'xlsx', cover: ReportCover, sections: readonly ReportSection[], progress: ReportProgress): Promise<Buffer> {
  if (format === 'xlsx') {
    progress('Writing the workbook', 0, 1);
    return reportWorkbook(cover.title, sections);
  }
  return reportPdf(cover, sections, progress);
}
