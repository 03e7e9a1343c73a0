import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';

/** A button for something that cannot be undone: it asks once more before doing it. */
export function ConfirmAction({ label, name, question, yes, no, busy, onConfirm, children }: {
  label: string;
  /** What the button is called for screen readers when its short label needs its row to make sense (e.g. which key). */
  name?: string;
  question: string;
  yes: string;
  no: string;
  busy: boolean;
  onConfirm(event: FormEvent): void;
  /** The outcome (e.g. a FormStatus), shown under the question. */
  children?: ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  // Answering "no" puts the keyboard back on the button that asked, not on the page's body.
  const [declined, setDeclined] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  useEffect(() => {
    if (declined && !asking) trigger.current?.focus();
  }, [declined, asking]);
  if (!asking) {
    return (
      <>
        <button ref={trigger} type="button" className="krds-btn secondary" aria-label={name} onClick={() => { setDeclined(false); setAsking(true); }}>{label}</button>
        {children}
      </>
    );
  }
  return (
    <form className="lc-confirm" onSubmit={(event) => { onConfirm(event); setAsking(false); }}>
      <p id={questionId}>{question}</p>
      <div className="lc-form-row">
        {/* The asking button is gone: keep the keyboard where the person was, on the answer, which reads the question. */}
        <button type="submit" className="krds-btn primary" disabled={busy} autoFocus aria-describedby={questionId}>{yes}</button>
        <button type="button" className="krds-btn tertiary" onClick={() => { setDeclined(true); setAsking(false); }}>{no}</button>
      </div>
      {children}
    </form>
  );
}
