/**
 * Who may see a program: the one rule every read path applies. Once published a program stays public,
 * also when it has ended (closed) or was called off (cancelled), because its learners and the record of
 * the city refer to it. Before that (a draft) only those who run it see it: its institution's staff and
 * administrators (`program.manage`). To anyone else it is not there at all, exactly like an unknown id.
 * Pure.
 */
import { can, type Grant } from '../../../shared/permissions.ts';
import type { ProgramStatus } from '../../../shared/vocabulary/index.ts';

export const unpublishedStatuses: readonly ProgramStatus[] = ['draft'];

export interface ProgramOwner {
  status: ProgramStatus;
  institutionId: number;
  cityCode: string;
}

/** `viewer` is whoever asks (null: nobody is logged in). */
export function maySeeProgram(viewer: { grants: readonly Grant[] } | null, program: ProgramOwner): boolean {
  if (!unpublishedStatuses.includes(program.status)) return true;
  return viewer !== null && can(viewer.grants, 'program.manage', { institutionId: program.institutionId, cityCode: program.cityCode });
}
