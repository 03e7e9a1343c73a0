/** Following a background job (GET /api/jobs/{id}) as its starter does, until it is no longer running. */
import type { Client } from './app.ts';

/** The job once finished (or failed), and every phase it was seen in. */
export async function jobFinished(client: Client, jobId: string) {
  const phases = new Set<string>();
  for (let i = 0; i < 600; i++) {
    const job = (await client.get(`/api/jobs/${jobId}`)).json();
    phases.add(job.phase);
    if (job.status !== 'running') return { job, phases };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${jobId} did not finish in a minute`);
}
