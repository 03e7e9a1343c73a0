/**
 * The institutions' network: partnership agreements (parties, period, scope, signed document, log), the rooms and
 * equipment partners share and their bookings, programs co-run by partners, and the city's network as a graph.
 */
import Type, { type Static } from 'typebox';
import {
  agreementChanges, agreementStatuses, bookingStatuses, programAreas, resourceKinds, weekdays, BOOKING_STEP_MINUTES, MAX_BOOKING_HOURS,
} from '../vocabulary/index.ts';
import { Code, DongCode, Id, Nullable, PageQuery } from './common.ts';

const Day = Type.String({ format: 'date', description: 'A day in Korea, YYYY-MM-DD' });
const Moment = Type.String({ format: 'date-time' });
const AgreementStatus = Code(agreementStatuses.codes);

export const AgreementParams = Type.Object({ id: Id, agreementId: Id });
export const ResourceParams = Type.Object({ id: Id, resourceId: Id });
export const BookingParams = Type.Object({ id: Id, bookingId: Id });
export const JointProgramParams = Type.Object({ id: Id, programId: Id, partnerId: Id });

export const ProposeAgreementBody = Type.Object({
  title: Type.String({ minLength: 2, maxLength: 200 }),
  /** The other parties (the proposing institution is one by proposing). */
  partnerIds: Type.Array(Id, { minItems: 1, maxItems: 20, uniqueItems: true }),
  startsOn: Day,
  endsOn: Day,
  scopeAreas: Type.Array(Code(programAreas.codes), { maxItems: programAreas.codes.length, uniqueItems: true }),
  scopeText: Type.String({ maxLength: 2000 }),
}, { additionalProperties: false });
export type ProposeAgreementBody = Static<typeof ProposeAgreementBody>;

export const AgreementParty = Type.Object({
  institutionId: Type.Integer(),
  name: Type.String(),
  cityCode: Type.String(),
  dongCode: Type.String(),
  dongName: Type.String(),
  acceptedAt: Nullable(Moment),
  acceptedByName: Nullable(Type.String()),
});
export type AgreementParty = Static<typeof AgreementParty>;

export const Agreement = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  status: AgreementStatus,
  startsOn: Day,
  endsOn: Day,
  scopeAreas: Type.Array(Type.String()),
  scopeText: Type.String(),
  parties: Type.Array(AgreementParty),
  proposedByInstitutionId: Type.Integer(),
  document: Nullable(Type.Object({ fileName: Type.String(), byteSize: Type.Integer() })),
  createdAt: Moment,
  signedAt: Nullable(Moment),
  closedAt: Nullable(Moment),
  /** Signed and today within its period. */
  current: Type.Boolean(),
});
export type Agreement = Static<typeof Agreement>;

export const AgreementListQuery = Type.Object({
  ...PageQuery,
  status: Type.Optional(AgreementStatus),
}, { additionalProperties: false });

export const AgreementLogEntry = Type.Object({
  id: Type.Integer(),
  occurredAt: Moment,
  institutionName: Type.String(),
  actorName: Type.String(),
  change: Code(agreementChanges.codes),
  note: Nullable(Type.String()),
});
export type AgreementLogEntry = Static<typeof AgreementLogEntry>;

export const EndAgreementBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false });
export const DocumentUploadQuery = Type.Object({ name: Type.String({ minLength: 1, maxLength: 255 }) }, { additionalProperties: false });

/** An institution a partner may be chosen from (institutions of the region, by name). */
export const InstitutionChoice = Type.Object({ id: Type.Integer(), name: Type.String(), cityCode: Type.String(), dongName: Type.String() });
export type InstitutionChoice = Static<typeof InstitutionChoice>;
export const InstitutionChoiceQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });

const HourMinute = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, Korean time' });
export const OpeningHours = Type.Object({ weekday: Code(weekdays.codes), opens: HourMinute, closes: HourMinute }, { additionalProperties: false });
export type OpeningHours = Static<typeof OpeningHours>;

export const ResourceBody = Type.Object({
  kind: Code(resourceKinds.codes),
  name: Type.String({ minLength: 2, maxLength: 100 }),
  capacity: Type.Integer({ minimum: 1, maximum: 10_000 }),
  venueId: Nullable(Id),
  openingHours: Type.Array(OpeningHours, { minItems: 1, maxItems: 14 }),
  rules: Type.String({ maxLength: 2000 }),
  offered: Type.Boolean(),
}, { additionalProperties: false });
export type ResourceBody = Static<typeof ResourceBody>;

export const SharedResource = Type.Object({
  id: Type.Integer(),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  kind: Code(resourceKinds.codes),
  name: Type.String(),
  capacity: Type.Integer(),
  venueId: Nullable(Type.Integer()),
  venueName: Nullable(Type.String()),
  address: Type.String(),
  openingHours: Type.Array(OpeningHours),
  rules: Type.String(),
  offered: Type.Boolean(),
});
export type SharedResource = Static<typeof SharedResource>;

export const BookingBody = Type.Object({
  resourceId: Id,
  startsAt: Type.String({ format: 'date-time', description: `A moment on a ${BOOKING_STEP_MINUTES}-minute step` }),
  endsAt: Type.String({ format: 'date-time', description: `At most ${MAX_BOOKING_HOURS} hours after the start, within one day's opening hours` }),
  purpose: Type.String({ minLength: 2, maxLength: 300 }),
  programId: Nullable(Id),
}, { additionalProperties: false });
export type BookingBody = Static<typeof BookingBody>;

export const Booking = Type.Object({
  id: Type.Integer(),
  resourceId: Type.Integer(),
  resourceName: Type.String(),
  ownerInstitutionId: Type.Integer(),
  ownerInstitutionName: Type.String(),
  bookingInstitutionId: Type.Integer(),
  bookingInstitutionName: Type.String(),
  startsAt: Moment,
  endsAt: Moment,
  purpose: Type.String(),
  programId: Nullable(Type.Integer()),
  programTitle: Nullable(Type.String()),
  status: Code(bookingStatuses.codes),
  bookedByName: Type.String(),
  cancelledByName: Nullable(Type.String()),
});
export type Booking = Static<typeof Booking>;

export const BookingListQuery = Type.Object({
  ...PageQuery,
  /** Only bookings ending after this moment (default: now). */
  from: Type.Optional(Moment),
}, { additionalProperties: false });

export const JointProgram = Type.Object({
  programId: Type.Integer(),
  title: Type.String(),
  status: Type.String(),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  partners: Type.Array(Type.Object({ institutionId: Type.Integer(), name: Type.String() })),
});
export type JointProgram = Static<typeof JointProgram>;
/** A partner's room booked for a program: where residents go for those hours. */
export const ProgramRoom = Type.Object({
  bookingId: Type.Integer(),
  startsAt: Moment,
  endsAt: Moment,
  resourceName: Type.String(),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  address: Type.String(),
  venueName: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  cityCode: Type.String(),
});
export type ProgramRoom = Static<typeof ProgramRoom>;

export const JoinProgramBody = Type.Object({ partnerId: Id }, { additionalProperties: false });

/** The city's network: institutions (nodes), signed current agreements (edges) and simple measures. */
export const NetworkNode = Type.Object({
  institutionId: Type.Integer(),
  name: Type.String(),
  type: Type.String(),
  dongCode: DongCode,
  dongName: Type.String(),
  /** Institutions it has a signed, current agreement with. */
  partners: Type.Integer(),
  /** Of those, in another 행정동. */
  partnersInOtherDongs: Type.Integer(),
  /** Betweenness centrality, normalised (0–1): how much it stands between others. */
  betweenness: Type.Number(),
});
export type NetworkNode = Static<typeof NetworkNode>;

export const NetworkEdge = Type.Object({
  source: Type.Integer(),
  target: Type.Integer(),
  agreements: Type.Integer(),
  /** The two institutions are in different 행정동. */
  crossesDongs: Type.Boolean(),
  /** Removing this link would split a group of institutions in two (a bridge in graph terms). */
  bridge: Type.Boolean(),
});
export type NetworkEdge = Static<typeof NetworkEdge>;

export const CityNetwork = Type.Object({
  cityCode: Type.String(),
  asOf: Day,
  nodes: Type.Array(NetworkNode),
  edges: Type.Array(NetworkEdge),
  measures: Type.Object({
    institutions: Type.Integer(),
    agreements: Type.Integer(),
    withoutPartner: Type.Integer(),
    linksAcrossDongs: Type.Integer(),
    bridges: Type.Integer(),
    density: Type.Number(),
    averagePartners: Type.Number(),
    /** Groups of institutions linked to each other (an institution alone is a group of one). */
    components: Type.Integer(),
  }),
});
export type CityNetwork = Static<typeof CityNetwork>;
