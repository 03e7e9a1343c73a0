import { useState } from 'react';

/** Copies a text to the clipboard and says whether it worked. */
export function CopyButton({ text, label, copied, failed }: { text: string; label: string; copied: string; failed: string }) {
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  // The clipboard is missing outside secure pages: that is a failure too, not an exception.
  const copy = () => Promise.resolve().then(() => navigator.clipboard.writeText(text)).then(() => setOutcome('copied'), () => setOutcome('failed'));
  return (
    <span className="lc-copy">
      <button type="button" className="krds-btn secondary" onClick={() => void copy()}>{label}</button>
      <span role="status">{outcome === 'copied' ? copied : outcome === 'failed' ? failed : ''}</span>
    </span>
  );
}
