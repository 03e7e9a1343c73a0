/** The logged-in person's completed course in one program, from their learning record (certificate, rated). */
import type { LearningEntry, LearningRecord } from '../../../shared/contracts/learning-account.ts';
import { useApi } from '../../api/client.ts';
import { useSession } from '../../shells/session.tsx';

export function useCompletedEntry(programId: number): { entry: LearningEntry | undefined; reload(): void } {
  const { me } = useSession();
  const record = useApi<LearningRecord>(me ? '/me/learning' : null);
  return { entry: record.data?.entries.find((e) => e.programId === programId && e.status === 'completed'), reload: record.reload };
}
