/**
 * The lists that make up a city's record (committees, their members and meetings, ordinances, staff
 * training, learning events), described once: table, contracts, order, filters. Queries, the service,
 * the routes and the workbook all work from these descriptions.
 */
import { desc, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { TSchema } from 'typebox';
import {
  Committee, CommitteeFields, CommitteeMeeting, CommitteeMeetingFields, CommitteeMember, CommitteeMemberFields,
  LearningEventFields, LearningEventRecord, Ordinance, OrdinanceFields, StaffTraining, StaffTrainingFields,
} from '../../../shared/contracts/city-record.ts';
import { committeeMeetings, committeeMembers, committees, learningEvents, ordinances, staffTrainings } from './city-record.schema.ts';

export interface ListFilter {
  year?: number;
  committeeId?: number;
}

export interface RecordList {
  /** The word used in the change log and in messages. */
  entity: string;
  /** The URL segment: /cities/:code/record/<path> (events: /cities/:code/events). */
  path: string;
  label: { ko: string; en: string };
  table: PgTable;
  columns: { id: AnyPgColumn; cityCode: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };
  fields: TSchema & { properties: Record<string, TSchema> };
  contracts: { Item: TSchema; CreateBody: TSchema; UpdateBody: TSchema };
  order: SQL[];
  /** The date column a `year` filter applies to. */
  dated?: AnyPgColumn;
  /** Items that belong to a committee of the same city. */
  inCommittee?: AnyPgColumn;
  /** Anyone may read the list (the city's public events); otherwise only those who may see the record. */
  publicRead?: boolean;
  /** Body fields that are not columns, turned into columns (the meeting's `published` switch). */
  toColumns?(body: Record<string, unknown>, before?: Record<string, unknown>): Record<string, unknown>;
}

/** `published` sets publishedAt once (a later save keeps the first time); false takes the meeting back. */
function meetingColumns({ published, ...columns }: Record<string, unknown>, before?: Record<string, unknown>) {
  if (published === undefined) return columns;
  return { ...columns, publishedAt: published ? (before?.publishedAt ?? new Date()) : null };
}

export const recordLists = {
  committees: {
    entity: 'committee', path: 'committees', label: { ko: '위원회', en: 'Committees' },
    table: committees, columns: { id: committees.id, cityCode: committees.cityCode, version: committees.version, updatedAt: committees.updatedAt },
    fields: CommitteeFields, contracts: Committee, order: [sql`${committees.active} DESC`, sql`${committees.kind}`, sql`${committees.name}`],
  },
  members: {
    entity: 'member', path: 'committee-members', label: { ko: '위원', en: 'Committee members' },
    table: committeeMembers,
    columns: { id: committeeMembers.id, cityCode: committeeMembers.cityCode, version: committeeMembers.version, updatedAt: committeeMembers.updatedAt },
    fields: CommitteeMemberFields, contracts: CommitteeMember, inCommittee: committeeMembers.committeeId,
    order: [sql`${committeeMembers.leftOn} NULLS FIRST`, sql`CASE ${committeeMembers.role} WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 ELSE 2 END`, sql`${committeeMembers.name}`],
  },
  meetings: {
    entity: 'meeting', path: 'committee-meetings', label: { ko: '회의', en: 'Meetings' },
    table: committeeMeetings,
    columns: { id: committeeMeetings.id, cityCode: committeeMeetings.cityCode, version: committeeMeetings.version, updatedAt: committeeMeetings.updatedAt },
    fields: CommitteeMeetingFields, contracts: CommitteeMeeting, inCommittee: committeeMeetings.committeeId, dated: committeeMeetings.heldOn,
    order: [desc(committeeMeetings.heldOn), desc(committeeMeetings.id)], toColumns: meetingColumns,
  },
  ordinances: {
    entity: 'ordinance', path: 'ordinances', label: { ko: '조례', en: 'Ordinances' },
    table: ordinances, columns: { id: ordinances.id, cityCode: ordinances.cityCode, version: ordinances.version, updatedAt: ordinances.updatedAt },
    fields: OrdinanceFields, contracts: Ordinance, order: [sql`${ordinances.enactedOn}`, sql`${ordinances.id}`],
  },
  trainings: {
    entity: 'training', path: 'staff-trainings', label: { ko: '직원 연수', en: 'Staff training' },
    table: staffTrainings, columns: { id: staffTrainings.id, cityCode: staffTrainings.cityCode, version: staffTrainings.version, updatedAt: staffTrainings.updatedAt },
    fields: StaffTrainingFields, contracts: StaffTraining, dated: staffTrainings.heldOn, order: [desc(staffTrainings.heldOn), desc(staffTrainings.id)],
  },
  events: {
    entity: 'event', path: 'events', label: { ko: '평생학습 행사', en: 'Learning events' }, publicRead: true,
    table: learningEvents, columns: { id: learningEvents.id, cityCode: learningEvents.cityCode, version: learningEvents.version, updatedAt: learningEvents.updatedAt },
    fields: LearningEventFields, contracts: LearningEventRecord, dated: learningEvents.startsOn, order: [desc(learningEvents.startsOn), desc(learningEvents.id)],
  },
} satisfies Record<string, RecordList>;

export type RecordListName = keyof typeof recordLists;
