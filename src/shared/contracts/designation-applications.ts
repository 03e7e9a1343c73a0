/**
 * A city's application to the yearly call: its sections (saved as drafts, versioned), attachments, submission,
 * withdrawal, and the province's endorsement, return and ranking.
 */
import Type, { type Static, type TSchema } from 'typebox';
import {
  applicationDecisions, applicationStatuses, attachmentPurposes, callPhases, committeeKinds, documentTypes, institutionTypes,
  ordinanceKinds, programAreas,
} from '../vocabulary/index.ts';
import { Code, Id, Localised, Nullable, PageQuery, MAX_INT } from './common.ts';

const Text = (maxLength: number) => Type.String({ maxLength });
const Krw = Type.Integer({ minimum: 0, maximum: 10_000_000_000_000, description: 'Korean won' });
const Count = (maximum: number) => Type.Integer({ minimum: 0, maximum });
const Day = Type.String({ format: 'date' });
/** The three years a plan covers: the call's year and the two after it. */
export const PLAN_YEARS = 3;
const ThreeYears = <T extends TSchema>(item: T) => Type.Array(item, { minItems: PLAN_YEARS, maxItems: PLAN_YEARS });

/**
 * The sections of an application. A draft may leave anything empty (strings '' and numbers null); the
 * completeness check at submission names what is missing (shared/messages/designation-application.ts).
 */
export const ApplicationContent = Type.Object({
  vision: Type.Object({
    title: Text(200),
    statement: Text(4000),
  }, { additionalProperties: false }),
  organisation: Type.Object({
    departmentName: Text(100),
    centreName: Text(200),
    learningCentres: Nullable(Count(1_000)),
    dongLearningCentres: Nullable(Count(1_000)),
    committees: Type.Array(Type.Object({
      kind: Code(committeeKinds.codes),
      name: Text(200),
      establishedOn: Nullable(Day),
    }, { additionalProperties: false }), { maxItems: 10 }),
  }, { additionalProperties: false }),
  staff: Type.Object({
    dedicatedStaff: Nullable(Count(10_000)),
    certifiedEducators: Nullable(Count(10_000)),
  }, { additionalProperties: false }),
  /** The budget committed for each of the plan's three years, by source. */
  budget: ThreeYears(Type.Object({ national: Nullable(Krw), provincial: Nullable(Krw), own: Nullable(Krw) }, { additionalProperties: false })),
  /** Ordinances in force (with the day enacted) or planned (no day yet). */
  ordinances: Type.Array(Type.Object({
    kind: Code(ordinanceKinds.codes),
    title: Text(200),
    enactedOn: Nullable(Day),
  }, { additionalProperties: false }), { maxItems: 20 }),
  /** The three-year program plan by area: what the city will do, and how many programs each year. */
  programPlan: Type.Array(Type.Object({
    area: Code(programAreas.codes),
    summary: Text(2000),
    programs: ThreeYears(Nullable(Count(100_000))),
  }, { additionalProperties: false }), { maxItems: 7 }),
  partners: Type.Array(Type.Object({
    name: Text(200),
    type: Code(institutionTypes.codes),
    role: Text(500),
  }, { additionalProperties: false }), { maxItems: 50 }),
}, { additionalProperties: false });
export type ApplicationContent = Static<typeof ApplicationContent>;

export const ApplicationParams = Type.Object({ id: Id });
export const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });
export const VersionParams = Type.Object({ id: Id, version: Type.Integer({ minimum: 1, maximum: MAX_INT }) });
export const ProvinceParams = Type.Object({ provinceCode: Type.String({ pattern: '^[0-9]{2}$', description: 'KOSTAT code of a 시·도 (2 digits)' }) });
export const ProvinceCallParams = Type.Object({ ...ProvinceParams.properties, callId: Id });

export const StartBody = Type.Object({ callId: Id }, { additionalProperties: false });
export type StartBody = Static<typeof StartBody>;

/** An autosave: the sections as they are now, over the version the editor loaded (a newer save by someone else is a 409). */
export const SaveBody = Type.Object({
  version: Type.Integer({ minimum: 1, maximum: MAX_INT, description: 'The version you edited' }),
  content: ApplicationContent,
}, { additionalProperties: false });
export type SaveBody = Static<typeof SaveBody>;

export const SaveResult = Type.Object({ version: Type.Integer(), updatedAt: Type.String(), updatedByName: Nullable(Type.String()) });
export type SaveResult = Static<typeof SaveResult>;

/** Submitting hands in the version the officer saw. */
export const SubmitBody = Type.Object({ version: SaveBody.properties.version }, { additionalProperties: false });
export type SubmitBody = Static<typeof SubmitBody>;

export const ReasonBody = Type.Object({ reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false });
export type ReasonBody = Static<typeof ReasonBody>;

/** Returning needs a reason the city can act on. */
export const ReturnBody = Type.Object({ reason: Type.String({ minLength: 5, maxLength: 2000 }) }, { additionalProperties: false });
export type ReturnBody = Static<typeof ReturnBody>;

/** The province's order of every application it endorsed to the call, first first. */
export const RankingBody = Type.Object({ applicationIds: Type.Array(Id, { minItems: 1, maxItems: 100, uniqueItems: true }) }, { additionalProperties: false });
export type RankingBody = Static<typeof RankingBody>;

export const UploadQuery = Type.Object({
  purpose: Code(attachmentPurposes.codes),
  name: Type.String({ minLength: 1, maxLength: 255, description: 'The file name as on the uploader’s computer (UTF-8, URL-encoded)' }),
}, { additionalProperties: false });
export type UploadQuery = Static<typeof UploadQuery>;

export const Attachment = Type.Object({
  id: Type.Integer(),
  purpose: Code(attachmentPurposes.codes),
  fileName: Type.String(),
  documentType: Code(documentTypes.codes),
  byteSize: Type.Integer(),
  sha256: Type.String(),
  addedAt: Type.String(),
  addedByName: Nullable(Type.String()),
});
export type Attachment = Static<typeof Attachment>;

/** The call as an application needs it: which years the plan covers, and the two deadlines. */
export const ApplicationCall = Type.Object({
  id: Type.Integer(),
  year: Type.Integer(),
  titleKo: Type.String(),
  titleEn: Type.String(),
  phase: Code(callPhases.codes),
  opensAt: Type.String(),
  submissionDeadline: Type.String(),
  endorsementDeadline: Type.String(),
});
export type ApplicationCall = Static<typeof ApplicationCall>;

export const ApplicationSummary = Type.Object({
  id: Type.Integer(),
  callId: Type.Integer(),
  callYear: Type.Integer(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  provinceCode: Type.String(),
  status: Code(applicationStatuses.codes),
  version: Type.Integer(),
  updatedAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  endorsedAt: Nullable(Type.String()),
  returnedAt: Nullable(Type.String()),
  returnReason: Nullable(Type.String()),
  provinceRank: Nullable(Type.Integer()),
  decision: Nullable(Code(applicationDecisions.codes)),
});
export type ApplicationSummary = Static<typeof ApplicationSummary>;

/** What the caller may do with the application now (the server decides; the page shows the buttons). */
export const ApplicationActions = Type.Object({
  edit: Type.Boolean(),
  submit: Type.Boolean(),
  withdraw: Type.Boolean(),
  endorse: Type.Boolean(),
});

export const ApplicationView = Type.Object({
  ...ApplicationSummary.properties,
  call: ApplicationCall,
  /** The plan's years: the call's year and the two after it. */
  planYears: Type.Array(Type.Integer()),
  content: ApplicationContent,
  updatedByName: Nullable(Type.String()),
  submittedByName: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  attachments: Type.Array(Attachment),
  actions: ApplicationActions,
});
export type ApplicationView = Static<typeof ApplicationView>;

export const ApplicationVersionSummary = Type.Object({
  version: Type.Integer(),
  savedAt: Type.String(),
  savedByName: Nullable(Type.String()),
});
export type ApplicationVersionSummary = Static<typeof ApplicationVersionSummary>;

export const ApplicationVersion = Type.Object({ ...ApplicationVersionSummary.properties, content: ApplicationContent });
export type ApplicationVersion = Static<typeof ApplicationVersion>;

/** The call open to a city now, whether it may apply, and its application to it if it started one. */
export const OpenCall = Type.Object({
  call: Nullable(ApplicationCall),
  eligible: Type.Boolean(),
  message: Nullable(Localised),
  applicationId: Nullable(Type.Integer()),
});
export type OpenCall = Static<typeof OpenCall>;

export const ApplicationListQuery = Type.Object({
  ...PageQuery,
  callId: Type.Optional(Id),
  status: Type.Optional(Code(applicationStatuses.codes)),
}, { additionalProperties: false });
export type ApplicationListQuery = Static<typeof ApplicationListQuery>;

/** A call as a province sees it: its deadlines and how many of its cities' applications are at each step. */
export const ProvinceCall = Type.Object({
  ...ApplicationCall.properties,
  submitted: Type.Integer(),
  returned: Type.Integer(),
  endorsed: Type.Integer(),
  decided: Type.Integer(),
});
export type ProvinceCall = Static<typeof ProvinceCall>;

/** A missing (or contradictory) field, as the form labels it. */
export const MissingField = Type.Object({ field: Type.String(), label: Type.String() });
export type MissingField = Static<typeof MissingField>;
