import type { UploadState } from '../api/useDocumentUpload.ts';

/** What became of the file chosen: being sent, sent, or refused (and why), read out as it changes. */
export function UploadStatus({ state, busy, done }: { state: UploadState; busy(name: string): string; done(name: string): string }) {
  return (
    <>
      <div aria-live="polite">
        {state.busy && <p role="status">{busy(state.busy)}</p>}
        {state.done && <p className="lc-notice success" role="status">{done(state.done)}</p>}
      </div>
      {state.error && <p className="lc-notice error" role="alert">{state.error}</p>}
    </>
  );
}
