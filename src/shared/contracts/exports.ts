import Type, { type Static } from 'typebox';

/**
 * How large a table the pages may hand back as a workbook. The largest any page shows is the national
 * comparison: at most all 229 municipalities × 12 columns (the city's dong table has at most 100 rows × 7, the
 * indicators 33 rows × 2 + years + 2). The limits leave about twice that, because the server thread still
 * parses and checks every cell before a worker writes the file: at these limits, some 20 ms.
 */
export const TABLE_EXPORT_LIMITS = {
  rows: 500,
  columns: 20,
  /** Characters in one cell. */
  cellLength: 500,
  /** The request body, as sent (JSON). */
  bytes: 512 * 1024,
} as const;

const { rows, columns, cellLength } = TABLE_EXPORT_LIMITS;
const Cell = Type.Union([Type.String({ maxLength: cellLength }), Type.Number(), Type.Null()]);

/** A table the page already shows, to be handed back as an Excel file (every figure is downloadable). */
export const TableExportBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, description: 'Also the sheet name, made into one Excel accepts' }),
  columns: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: columns }),
  rows: Type.Array(Type.Array(Cell, { maxItems: columns }), { maxItems: rows }),
}, { additionalProperties: false });
export type TableExportBody = Static<typeof TableExportBody>;
