/** The institution's back office for its programs: the list, the editor, cancelling and copying into a new term. */
import Type, { type Static } from 'typebox';
import { creditTypes, deliveryModes, officePhases, programAreas, programStatuses, programSubcategories, purposeTags, registrationModes, targetGroups, weekdays } from '../vocabulary/index.ts';
import { Code, Id, MAX_INT, Nullable, PageQuery } from './common.ts';
import { DateString, ProgramSession, Time } from './programs.ts';


export const OfficeListQuery = Type.Object({
  ...PageQuery,
  phase: Type.Optional(Code(officePhases.codes)),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Words of the title' })),
}, { additionalProperties: false });
export type OfficeListQuery = Static<typeof OfficeListQuery>;

export const OfficeProgramRow = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  status: Code(programStatuses.codes),
  phase: Code(officePhases.codes),
  startsOn: DateString,
  endsOn: DateString,
  weekdays: Type.Array(Code(weekdays.codes)),
  startTime: Type.String(),
  endTime: Type.String(),
  sessionCount: Type.Integer(),
  capacity: Type.Integer(),
  enrolled: Type.Integer(),
  waitlisted: Type.Integer(),
  venueName: Nullable(Type.String()),
  instructorName: Nullable(Type.String()),
});
export type OfficeProgramRow = Static<typeof OfficeProgramRow>;

export const OfficeProgramList = Type.Object({
  items: Type.Array(OfficeProgramRow),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Programs of the institution in each phase (whatever the filter), for the filter's labels. */
  phases: Type.Record(Type.String(), Type.Integer()),
});
export type OfficeProgramList = Static<typeof OfficeProgramList>;

/** One session as the editor sends it: its day and times (Korea time). */
export const SessionInput = Type.Object({ date: DateString, startTime: Time, endTime: Time }, { additionalProperties: false });
export type SessionInput = Static<typeof SessionInput>;

/** Everything about a program a resident sees, as the staff edit it. */
const editable = {
  title: Type.String({ minLength: 2, maxLength: 120 }),
  titleEn: Type.String({ maxLength: 160 }),
  description: Type.String({ minLength: 10, maxLength: 8000 }),
  area: Code(programAreas.codes),
  subcategory: Code(programSubcategories.codes),
  targetGroups: Type.Array(Code(targetGroups.codes), { minItems: 1, maxItems: targetGroups.codes.length, uniqueItems: true }),
  purposeTags: Type.Array(Code(purposeTags.codes), { maxItems: purposeTags.codes.length, uniqueItems: true }),
  mode: Code(deliveryModes.codes),
  venueId: Nullable(Id),
  weekdays: Type.Array(Code(weekdays.codes), { minItems: 1, maxItems: 7, uniqueItems: true }),
  startTime: Time,
  endTime: Time,
  capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
  feeKrw: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  creditType: Code(creditTypes.codes),
  credits: Type.Number({ minimum: 0, maximum: 30, multipleOf: 0.5 }),
  minAge: Nullable(Type.Integer({ minimum: 0, maximum: 120 })),
  maxAge: Nullable(Type.Integer({ minimum: 0, maximum: 120 })),
  residentsFirst: Type.Boolean(),
  instructorName: Type.String({ maxLength: 60 }),
  materials: Type.String({ maxLength: 2000 }),
  registrationMode: Code(registrationModes.codes),
  registrationNote: Type.String({ maxLength: 500 }),
  enrolmentOpensOn: Nullable(DateString),
  enrolmentClosesOn: Nullable(DateString),
};

export const OfficeProgram = Type.Object({
  id: Type.Integer(),
  institutionId: Type.Integer(),
  cityCode: Type.String(),
  status: Code(programStatuses.codes),
  phase: Code(officePhases.codes),
  cancelReason: Nullable(Type.String()),
  version: Type.Integer(),
  ...editable,
  textReminders: Type.Boolean(),
  titleEn: Type.String(),
  instructorName: Type.String(),
  sessions: Type.Array(ProgramSession),
  enrolled: Type.Integer(),
  waitlisted: Type.Integer(),
});
export type OfficeProgram = Static<typeof OfficeProgram>;

export const Version = Type.Integer({ minimum: 1, maximum: MAX_INT, description: 'The version you edited' });

export const ProgramEditBody = Type.Object({
  ...editable,
  /** Left out, it stays as it was (the spreadsheet import has no column for it). */
  textReminders: Type.Optional(Type.Boolean({ description: 'The institution sends class reminders by text: the roster then shows learners’ mobile numbers' })),
  /** The sessions as the editor shows them (generated, then edited one by one); their number is the program's. */
  sessions: Type.Array(SessionInput, { minItems: 1, maxItems: 200 }),
  /** A draft may be published; a published program stays published. */
  publish: Type.Optional(Type.Boolean()),
  version: Version,
}, { additionalProperties: false });
export type ProgramEditBody = Static<typeof ProgramEditBody>;

export const EditResult = Type.Object({
  program: OfficeProgram,
  /** People told of the change (enrolled and waiting), and those given a place because the class grew. */
  notified: Type.Integer(),
  promoted: Type.Integer(),
});
export type EditResult = Static<typeof EditResult>;

export const CancelBody = Type.Object({
  reason: Type.String({ minLength: 2, maxLength: 500, description: 'Told to everyone enrolled or waiting (폐강 사유)' }),
  version: Version,
}, { additionalProperties: false });
export type CancelBody = Static<typeof CancelBody>;

export const CopyBody = Type.Object({
  startsOn: DateString,
}, { additionalProperties: false });
export type CopyBody = Static<typeof CopyBody>;

export const CopyResult = Type.Object({
  id: Type.Integer(),
  skipped: Type.Array(Type.Object({ date: DateString, names: Type.Array(Type.String()) })),
  unknownYears: Type.Array(Type.Integer()),
});
export type CopyResult = Static<typeof CopyResult>;
