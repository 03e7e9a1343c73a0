import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  label: string;
  hint?: string;
  error?: string;
}

/** KRDS form group: label, control, hint or error tied to the control for screen readers. */
function Frame({ label, hint, error, id, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className="form-group">
      <div className="form-tit"><label htmlFor={id}>{label}</label></div>
      <div className={`form-conts${error ? ' is-error' : ''}`}>{children}</div>
      {error ? <p className="form-hint-invalid" id={`${id}-hint`}>{error}</p> : hint ? <p className="form-hint" id={`${id}-hint`}>{hint}</p> : null}
    </div>
  );
}

export function TextField({ label, hint, error, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <Frame label={label} hint={hint} error={error} id={id}>
      <input id={id} className="krds-input" aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-hint` : undefined} {...input} />
    </Frame>
  );
}

export function TextArea({ label, hint, error, ...input }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <Frame label={label} hint={hint} error={error} id={id}>
      <textarea id={id} className="krds-input" rows={4} aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-hint` : undefined} {...input} />
    </Frame>
  );
}

export function SelectField({ label, hint, error, options, ...select }: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const id = useId();
  return (
    <Frame label={label} hint={hint} error={error} id={id}>
      <select id={id} className="krds-form-select" aria-invalid={error ? true : undefined} aria-describedby={error || hint ? `${id}-hint` : undefined} {...select}>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </Frame>
  );
}
