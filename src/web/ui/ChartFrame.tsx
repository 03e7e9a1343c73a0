/**
 * What every chart shows besides its picture: a caption, the numbers behind it as a table (for screen
 * readers and for anyone who prefers numbers), and the table as CSV or Excel.
 */
import type { ReactNode, RefObject } from 'react';
import { TableDownloads, type Cell } from './TableDownloads.tsx';

export interface ChartTable {
  /** Header of the first column (the categories). */
  corner?: string;
  columns: string[];
  rows: { label: string; cells: Cell[] }[];
}

export function ChartFrame({ title, chart, height = 320, table, children }: {
  title: string; chart: RefObject<HTMLDivElement | null>; height?: number; table: ChartTable; children?: ReactNode;
}) {
  return (
    <figure className="lc-chart">
      <div ref={chart} style={{ width: '100%', height }} aria-hidden="true" />
      <figcaption className="sr-only">{title}</figcaption>
      {children}
      <details>
        <summary>{title}</summary>
        <div className="lc-table-wrap">
          <table className="lc-table">
            <thead><tr><th scope="col">{table.corner ?? ''}</th>{table.columns.map((c) => <th key={c} scope="col" className="num">{c}</th>)}</tr></thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.label}><th scope="row">{row.label}</th>{row.cells.map((cell, i) => <td key={table.columns[i]} className="num">{cell ?? '—'}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <TableDownloads table={{ title, columns: [table.corner ?? '', ...table.columns], rows: table.rows.map((r) => [r.label, ...r.cells]) }} />
    </figure>
  );
}
