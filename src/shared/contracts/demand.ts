import Type, { type Static } from 'typebox';
import { programAreas, targetGroups } from '../vocabulary/index.ts';
import { Code, Nullable, Page } from './common.ts';
import { TopNeeds } from './surveys.ts';

const Area = Code(programAreas.codes);
const Target = Code(targetGroups.codes);

export const DemandQuery = Type.Object({
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, default: 12, description: 'How far back residents’ wishes and searches count' })),
  reachKm: Type.Optional(Type.Number({ minimum: 0.5, maximum: 20, default: 2, description: 'Places within this distance of a dong count as its supply' })),
  area: Type.Optional(Area),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
}, { additionalProperties: false });
export type DemandQuery = Static<typeof DemandQuery>;

const Suggestion = Type.Object({
  institutions: Type.Array(Type.Object({
    id: Type.Integer(), name: Type.String(), km: Type.Number(), programsInArea: Type.Integer({ description: 'Programs it ran in this area in the last two years' }),
  })),
  programs: Type.Array(Type.Object({
    id: Type.Integer(), title: Type.String(), institutionName: Type.String(), km: Nullable(Type.Number({ description: 'null: online' })), seatsLeft: Type.Integer(),
  })),
});

export const DemandGap = Type.Object({
  area: Area,
  targetGroup: Target,
  dongCode: Nullable(Type.String({ description: 'null: residents across the city' })),
  dongNameKo: Nullable(Type.String()),
  dongNameEn: Nullable(Type.String()),
  wishes: Type.Integer({ description: 'Residents who said they want to learn this' }),
  waitlisted: Type.Integer({ description: 'People on waitlists for it' }),
  searches: Type.Integer({ description: 'Searches for it that found nothing' }),
  demand: Type.Integer(),
  seatsOffered: Type.Integer({ description: 'Places offered in the period within reach' }),
  seatsOpen: Type.Integer({ description: 'Places open now within reach' }),
  gap: Type.Integer({ description: 'demand − places open now (more people asking than places)' }),
  suggestions: Suggestion,
});
export type DemandGap = Static<typeof DemandGap>;

const Totals = Type.Object({
  demand: Type.Integer(), wishes: Type.Integer(), waitlisted: Type.Integer(), searches: Type.Integer(), seatsOffered: Type.Integer(), seatsOpen: Type.Integer(),
  proposals: Type.Integer({ description: "Residents' proposals made in the period (beside the wishes; not counted in demand, whose gaps are by dong)" }),
  supporters: Type.Integer({ description: 'Their supporters' }),
});

export const DemandReport = Type.Object({
  cityCode: Type.String(),
  months: Type.Integer(),
  reachKm: Type.Number(),
  totals: Totals,
  byArea: Type.Array(Type.Object({ area: Area, ...Totals.properties })),
  /** The period's proposals by where they stand (open, awaiting the city's answer, accepted, declined). */
  proposalsByPhase: Type.Object({ open: Type.Integer(), awaiting: Type.Integer(), accepted: Type.Integer(), declined: Type.Integer() }),
  byAreaAndTarget: Type.Array(Type.Object({ area: Area, targetGroup: Target, demand: Type.Integer(), seatsOffered: Type.Integer() })),
  gaps: Page(DemandGap),
  /** The city's needs survey (this year's, else last year's): its largest Borich needs; null until 30 residents answered. */
  needs: Nullable(TopNeeds),
  unmatchedSearches: Type.Array(Type.Object({ query: Type.String(), searches: Type.Integer() }), { description: 'Searches that found nothing and named no area, most frequent first' }),
});
export type DemandReport = Static<typeof DemandReport>;
