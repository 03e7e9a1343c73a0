/**
 * Follows long work on the server (a report, an import, a recomputation): polls its progress until it is
 * done or failed. `start` runs the request that begins the work and returns the job's id. `onDone` (keep it
 * stable, e.g. a `reload` from useApi) is called once when the work ends.
 */
import { useCallback, useEffect, useState } from 'react';
import type { JobView } from '../../shared/contracts/jobs.ts';
import { api, ApiError } from './client.ts';

const POLL_MS = 500;

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));

export function useJob(onDone?: (job: JobView) => void) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!jobId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      api<JobView>(`/jobs/${jobId}`).then((current) => {
        if (stopped) return;
        setJob(current);
        if (current.status === 'running') timer = setTimeout(poll, POLL_MS);
      }, (e: unknown) => !stopped && setError(asApiError(e)));
    };
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  const finished = job && job.status !== 'running' ? job : null;
  useEffect(() => {
    if (finished) onDone?.(finished);
  }, [finished, onDone]);

  const start = useCallback(async (request: () => Promise<{ jobId: string }>) => {
    setError(null);
    setJob(null);
    try {
      setJobId((await request()).jobId);
    } catch (e) {
      setError(asApiError(e));
    }
  }, []);

  return { job, error, start, running: jobId !== null && (job === null || job.status === 'running') && error === null };
}
