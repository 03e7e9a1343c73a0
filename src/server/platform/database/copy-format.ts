/**
 * Encodes rows in PostgreSQL's COPY text format, which both engines accept: PGlite from a Blob,
 * the server from a stream. Values: null, boolean, number, string, Date, or arrays of those.
 */
export type CopyValue = null | undefined | boolean | number | string | Date | readonly (string | number | null)[];

function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function arrayLiteral(items: readonly (string | number | null)[]): string {
  const quoted = items.map((item) =>
    item === null ? 'NULL' : typeof item === 'number' ? String(item) : `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`,
  );
  return `{${quoted.join(',')}}`;
}

export function encodeCopyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot COPY a non-finite number: ${value}`);
    return String(value);
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(value as string);
}

export function encodeCopyRow(row: readonly CopyValue[]): string {
  return `${row.map(encodeCopyValue).join('\t')}\n`;
}
