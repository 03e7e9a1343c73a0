import Type, { type Static } from 'typebox';

const Cell = Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Null()]);

/** A table the page already shows, to be handed back as an Excel file (every figure is downloadable). */
export const TableExportBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100 }),
  columns: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 60 }),
  rows: Type.Array(Type.Array(Cell, { maxItems: 60 }), { maxItems: 5000 }),
}, { additionalProperties: false });
export type TableExportBody = Static<typeof TableExportBody>;
