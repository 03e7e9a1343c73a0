import Type, { type Static } from 'typebox';
import { Nullable } from './common.ts';

export const jobStatuses = ['running', 'done', 'failed'] as const;

/** Long work a person waits for: how far along it is, and where its result is once done. */
export const JobView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.Unsafe<(typeof jobStatuses)[number]>({ type: 'string', enum: [...jobStatuses] }),
  phase: Type.String({ description: 'What it is doing now, in words' }),
  done: Type.Integer(),
  total: Type.Integer(),
  error: Nullable(Type.String()),
  resultName: Nullable(Type.String()),
  resultUrl: Nullable(Type.String()),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type JobView = Static<typeof JobView>;

export const JobParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });
