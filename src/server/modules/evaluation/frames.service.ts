/**
 * The ministry's evaluation frame of each year: made as a copy of the latest year before (or the default), edited
 * with the version it was loaded at, and fixed once the year's round opens (a round is scored by one frame).
 */
import type { PageRequest } from '../../../shared/contracts/common.ts';
import type { FrameBody, FrameContent, FrameSummary, FrameView } from '../../../shared/contracts/evaluation.ts';
import type { Executor } from '../../platform/database/database.ts';
import { badRequest, conflict, notFound } from '../../platform/http/errors.ts';
import { designation } from '../designation/index.ts';
import { defaultFrame } from './evaluation.default-frame.ts';
import * as queries from './evaluation.queries.ts';
import { frameProblems, itemsOf } from './evaluation.rules.ts';

export interface Acting {
  personId: number;
  displayName: string;
}

const viewOf = (row: queries.FrameRow): FrameView => ({
  year: row.year, ...row.content, version: row.version, locked: row.locked, copiedFrom: row.copiedFrom, updatedAt: row.updatedAt, updatedByName: row.updatedByName,
});

export async function frameView(db: Executor, year: number): Promise<FrameView> {
  const row = await queries.frameOf(db, year);
  if (!row) throw notFound('The evaluation frame', 'year');
  return viewOf(row);
}

export async function listFrames(db: Executor, page: PageRequest) {
  const found = await queries.listFrames(db, page);
  return {
    ...found,
    items: found.items.map((f): FrameSummary => ({
      year: f.year, titleKo: f.content.titleKo, titleEn: f.content.titleEn, items: itemsOf(f.content).length, locked: f.locked, updatedAt: f.updatedAt,
    })),
  };
}

const lockedWords = (year: number) => ({
  ko: `${year}년 재지정평가가 이미 시작되어 지표를 바꿀 수 없습니다. 다음 해 지표를 만들어 고쳐 주세요.`,
  en: `The ${year} round has opened: its frame can no longer change. Make next year's frame and edit that.`,
});

const summaryOf = (content: FrameContent) => ({ items: itemsOf(content).length, deferredBelow: content.deferredBelow, excellentShare: content.excellentShare, objectionDays: content.objectionDays });

/** Makes the year's frame as a copy of the latest earlier one, or of the default; 409 when the year has one. */
export async function createFrame(db: Executor, actor: Acting, year: number, now: Date): Promise<FrameView> {
  return db.transaction(async (tx) => {
    const before = await queries.frameBefore(tx, year);
    const content = before?.content ?? defaultFrame;
    if (!(await queries.insertFrame(tx, { year, content, copiedFrom: before?.year ?? null, by: actor.personId }))) {
      throw conflict({ ko: `${year}년 지표는 이미 있습니다.`, en: `The ${year} frame exists already.` }, 'year');
    }
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_frame_saved',
      after: { year, version: 1, copiedFrom: before?.year ?? null, ...summaryOf(content) },
    });
    return viewOf((await queries.frameOf(tx, year))!);
  });
}

/** Replaces the frame's content, when sound, if nobody saved it since `version` and its round has not opened. */
export async function saveFrame(db: Executor, actor: Acting, year: number, body: FrameBody, now: Date): Promise<FrameView> {
  const { version, ...content } = body;
  const problem = frameProblems(content)[0];
  if (problem) throw badRequest({ ko: problem.ko, en: problem.en }, problem.field);
  return db.transaction(async (tx) => {
    const locked = await queries.lockFrame(tx, year);
    if (!locked) throw notFound('The evaluation frame', 'year');
    const current = (await queries.frameOf(tx, year))!;
    if (current.locked) throw conflict(lockedWords(year), 'year');
    if (version !== locked.version) {
      throw conflict({
        ko: `${current.updatedByName ?? '다른 사람'}님이 그 사이 지표를 저장했습니다 (버전 ${locked.version}). 새로 불러와 다시 고쳐 주세요.`,
        en: `${current.updatedByName ?? 'Someone else'} saved the frame meanwhile (version ${locked.version}). Reload it and edit again.`,
      }, 'version');
    }
    await queries.updateFrame(tx, year, content, actor.personId, now);
    await designation.appendLog(tx, {
      at: now, actorId: actor.personId, actorName: actor.displayName, step: 'evaluation_frame_saved',
      before: { year, version: locked.version, ...summaryOf(locked.content) }, after: { year, version: locked.version + 1, ...summaryOf(content) },
    });
    return viewOf((await queries.frameOf(tx, year))!);
  });
}

/** The frame a round is scored by, or a 409 saying to write it first. */
export async function frameForRound(db: Executor, year: number): Promise<FrameContent> {
  const row = await queries.frameOf(db, year);
  if (!row) {
    throw conflict({ ko: `${year}년 재지정평가 지표가 아직 없습니다. 지표를 먼저 만들어 주세요.`, en: `There is no ${year} evaluation frame yet; make it first.` }, 'year');
  }
  return row.content;
}

/** The default frame stored for a year (the demo and tests start from it). */
export async function seedFrame(db: Executor, year: number): Promise<void> {
  await queries.insertFrame(db, { year, content: defaultFrame, copiedFrom: null, by: null });
}
