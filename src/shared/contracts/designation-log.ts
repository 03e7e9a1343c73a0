/** The append-only log of every step of the designation process, as the ministry reads and exports it. */
import Type, { type Static } from 'typebox';
import { designationSteps, locales } from '../vocabulary/index.ts';
import { CityCode, Code, Id, Nullable, PageQuery } from './common.ts';

export const LogEntryView = Type.Object({
  id: Type.Integer(),
  occurredAt: Type.String({ format: 'date-time' }),
  actorId: Nullable(Type.Integer()),
  /** Who did it, as they were named at the time. */
  actorName: Type.String(),
  step: Code(designationSteps.codes),
  callId: Nullable(Type.Integer()),
  applicationId: Nullable(Type.Integer()),
  cityCode: Nullable(Type.String()),
  before: Type.Unknown({ description: 'What the step changed, as it was (JSON), or null' }),
  after: Type.Unknown({ description: 'What the step changed, as it became (JSON), or null' }),
  reason: Type.String(),
});
export type LogEntryView = Static<typeof LogEntryView>;

const filters = {
  call: Type.Optional(Id),
  application: Type.Optional(Id),
  city: Type.Optional(CityCode),
  step: Type.Optional(Type.Array(Code(designationSteps.codes), { maxItems: designationSteps.codes.length, description: 'One or more steps' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'From this day (Korean time), inclusive' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'To this day (Korean time), inclusive' })),
};

export const LogQuery = Type.Object({ ...PageQuery, ...filters }, { additionalProperties: false });
export type LogQuery = Static<typeof LogQuery>;

/** The whole filtered log as a file, oldest first; headings and step names in `lang` (default: the caller's language). */
export const LogExportQuery = Type.Object({ ...filters, lang: Type.Optional(Code(locales)) }, { additionalProperties: false });
export type LogExportQuery = Static<typeof LogExportQuery>;
