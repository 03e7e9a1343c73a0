import Type, { type Static } from 'typebox';
import { Code } from './common.ts';

export const AnnualReportBody = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  format: Code(['pdf', 'xlsx'] as const, 'pdf: the report in Korean with its charts; xlsx: every table of it as a workbook'),
}, { additionalProperties: false });
export type AnnualReportBody = Static<typeof AnnualReportBody>;

export const AnnualReportStarted = Type.Object({ jobId: Type.String() });
