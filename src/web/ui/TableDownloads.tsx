/**
 * Download buttons for a table the page shows: CSV (made here, with a byte-order mark so Excel reads the
 * Korean) and Excel (the server turns the same rows into .xlsx).
 */
import { useState } from 'react';
import { useLocale } from '../i18n/index.ts';

export type Cell = string | number | null;

export interface DownloadableTable {
  title: string;
  columns: string[];
  rows: Cell[][];
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const csvCell = (cell: Cell) => {
  const text = cell === null ? '' : String(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(table: DownloadableTable): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}

export function TableDownloads({ table }: { table: DownloadableTable }) {
  const { t } = useLocale();
  const [failed, setFailed] = useState(false);
  const xlsx = async () => {
    setFailed(false);
    const response = await fetch('/api/exports/table.xlsx', {
      method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(table),
    }).catch(() => null);
    if (!response?.ok) return setFailed(true);
    save(await response.blob(), `${table.title}.xlsx`);
  };
  return (
    <span className="lc-downloads">
      <button type="button" className="krds-btn small tertiary" onClick={() => save(new Blob(['\ufeff', toCsv(table)], { type: 'text/csv;charset=utf-8' }), `${table.title}.csv`)}>
        CSV <span className="sr-only">{table.title}</span>
      </button>
      <button type="button" className="krds-btn small tertiary" onClick={() => void xlsx()}>
        Excel <span className="sr-only">{table.title}</span>
      </button>
      {failed && <span role="alert">{t('common.downloadFailed')}</span>}
    </span>
  );
}
