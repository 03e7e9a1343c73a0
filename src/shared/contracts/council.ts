/** The council's public face (평생교육협의회, issue 13 item 4): committees, members and published meetings of a city. */
import Type, { type Static } from 'typebox';
import { committeeKinds, memberRoles, memberSectors, proposalStatusCodes } from '../vocabulary/index.ts';
import { TopNeeds } from './surveys.ts';
import { Code, Id, Nullable, PageQuery } from './common.ts';

export const CouncilMember = Type.Object({
  name: Type.String(),
  affiliation: Type.String(),
  sector: Code(memberSectors.codes),
  role: Code(memberRoles.codes),
});

export const CouncilCommittee = Type.Object({
  id: Type.Integer(),
  kind: Code(committeeKinds.codes),
  name: Type.String(),
  description: Type.String(),
  establishedOn: Nullable(Type.String()),
  /** Members serving today (not yet left), chair first. */
  members: Type.Array(CouncilMember),
});
export type CouncilCommittee = Static<typeof CouncilCommittee>;

export const CouncilMeetingSummary = Type.Object({
  id: Type.Integer(),
  committeeId: Type.Integer(),
  committeeName: Type.String(),
  heldOn: Type.String(),
  startsAt: Nullable(Type.String()),
  place: Type.String(),
  title: Type.String(),
  /** False only in an officer's view: residents never see unpublished meetings. */
  published: Type.Boolean(),
  decisionCount: Type.Integer(),
});
export type CouncilMeetingSummary = Static<typeof CouncilMeetingSummary>;

export const DiscussedProposal = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  status: Code(proposalStatusCodes),
  supporters: Type.Integer(),
});

export const CouncilMeeting = Type.Object({
  ...CouncilMeetingSummary.properties,
  agenda: Type.String(),
  minutes: Type.String(),
  decisions: Type.Array(Type.String()),
  attendees: Nullable(Type.Integer()),
  publishedAt: Nullable(Type.String()),
  proposals: Type.Array(DiscussedProposal),
  /** The needs-survey results discussed: the year's largest needs (none shown below the respondents results need). */
  surveys: Type.Array(TopNeeds),
});
export type CouncilMeeting = Static<typeof CouncilMeeting>;

export const CouncilMeetingsQuery = Type.Object({
  ...PageQuery,
  /** Only meetings that discussed this proposal (the proposal page's "discussed at"). */
  proposal: Type.Optional(Id),
}, { additionalProperties: false });
