import Type, { type Static } from 'typebox';
import {
  dayParts, proposalEvents, proposalKinds, proposalPhases, programAreas, programSubcategories, targetGroups, weekdays,
} from '../vocabulary/index.ts';
import { CityCode, Code, DongCode, Id, Nullable, Page, PageQuery } from './common.ts';

/** A resident's proposal: what, for whom, where (a dong of the city, or null for online), and when they would like it. */
export const ProposalBody = Type.Object({
  kind: Code(proposalKinds.codes),
  title: Type.String({ minLength: 2, maxLength: 80 }),
  description: Type.String({ minLength: 10, maxLength: 2000 }),
  area: Code(programAreas.codes),
  subcategory: Type.Optional(Nullable(Code(programSubcategories.codes))),
  targetGroups: Type.Array(Code(targetGroups.codes), { minItems: 1, maxItems: targetGroups.codes.length, uniqueItems: true }),
  dongCode: Nullable(DongCode),
  preferredDays: Type.Optional(Type.Array(Code(weekdays.codes), { maxItems: 7, uniqueItems: true })),
  preferredTimes: Type.Optional(Type.Array(Code(dayParts.codes), { maxItems: 3, uniqueItems: true })),
}, { additionalProperties: false });
export type ProposalBody = Static<typeof ProposalBody>;

/** What the public list shows: only published fields; the proposer masked (김○○). */
export const ProposalSummary = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  kind: Code(proposalKinds.codes),
  title: Type.String(),
  area: Code(programAreas.codes),
  targetGroups: Type.Array(Code(targetGroups.codes)),
  dongCode: Nullable(Type.String()),
  dongNameKo: Nullable(Type.String()),
  dongNameEn: Nullable(Type.String()),
  phase: Code(proposalPhases.codes),
  supporters: Type.Integer(),
  proposer: Type.String({ description: 'Masked: family name and circles, or initials' }),
  createdAt: Type.String(),
});
export type ProposalSummary = Static<typeof ProposalSummary>;

/** A proposal on the resident's own page (My learning): one they made or support, with its city's threshold. */
export const MyProposal = Type.Object({
  ...ProposalSummary.properties,
  mine: Code(['proposed', 'supported'] as const),
  threshold: Type.Integer(),
});
export type MyProposal = Static<typeof MyProposal>;

export const ProposalList = Type.Object({
  ...Page(ProposalSummary).properties,
  /** Supporters a proposal of this city needs before the city must answer. */
  threshold: Type.Integer(),
});
export type ProposalList = Static<typeof ProposalList>;

export const ProposalListQuery = Type.Object({
  ...PageQuery,
  sort: Type.Optional(Code(['newest', 'support'] as const)),
  phase: Type.Optional(Code(proposalPhases.codes)),
}, { additionalProperties: false });
export type ProposalListQuery = Static<typeof ProposalListQuery>;

export const ProposalLogEntry = Type.Object({
  kind: Code(proposalEvents.codes),
  at: Type.String(),
  /** Who did it: shown to the city's officers and the ministry only (null for others). */
  actorName: Nullable(Type.String()),
});

export const ProposalView = Type.Object({
  ...ProposalSummary.properties,
  description: Type.String(),
  subcategory: Nullable(Code(programSubcategories.codes)),
  preferredDays: Type.Array(Code(weekdays.codes)),
  preferredTimes: Type.Array(Code(dayParts.codes)),
  threshold: Type.Integer(),
  awaitingSince: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  declineReason: Nullable(Type.String()),
  /** The program it became, once published (a draft is the institution's until then). */
  program: Nullable(Type.Object({ id: Type.Integer(), title: Type.String(), institutionName: Type.String() })),
  /** The viewer's own relation to it (false when nobody is logged in). */
  mine: Type.Boolean(),
  supportedByMe: Type.Boolean(),
  log: Type.Array(ProposalLogEntry),
});
export type ProposalView = Static<typeof ProposalView>;

export const ProposalParams = Type.Object({ code: CityCode, id: Id });

export const SupportResult = Type.Object({ supporters: Type.Integer(), phase: Code(proposalPhases.codes), supportedByMe: Type.Boolean() });
export type SupportResult = Static<typeof SupportResult>;

/** The city's public answer: accepted (a draft program for one of the city's institutions) or declined with reasons. */
export const ProposalAnswerBody = Type.Object({
  answer: Code(['accepted', 'declined'] as const),
  institutionId: Type.Optional(Id),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type ProposalAnswerBody = Static<typeof ProposalAnswerBody>;

export const ProposalThresholdBody = Type.Object({
  threshold: Type.Integer({ minimum: 1, maximum: 10_000 }),
}, { additionalProperties: false });
export type ProposalThresholdBody = Static<typeof ProposalThresholdBody>;

/** An institution's programs that came from residents' proposals (shown in its back office). */
export const ProposalOrigin = Type.Object({ programId: Type.Integer(), proposalId: Type.Integer(), cityCode: Type.String(), title: Type.String() });
export type ProposalOrigin = Static<typeof ProposalOrigin>;
