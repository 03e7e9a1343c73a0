import { useId } from 'react';

export interface Choice {
  value: string;
  label: string;
  /** How many things this choice would find; shown beside its label. */
  count?: number;
}

/**
 * KRDS check boxes (several answers) or radio buttons (one answer) under a legend, each with an optional count. An
 * error is read with every choice; the first is marked invalid, so a form's summary names the group once and the
 * keyboard lands there.
 */
export function ChoiceGroup({ legend, type, options, selected, onChange, format = String, inline = false, required = false, error }: {
  legend: string;
  type: 'checkbox' | 'radio';
  options: Choice[];
  selected: readonly string[];
  onChange(value: string, checked: boolean): void;
  format?: (count: number) => string;
  /** Side by side instead of one under another. */
  inline?: boolean;
  required?: boolean;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className="lc-choices">
      <legend>{legend}</legend>
      <div className={`krds-check-area${inline ? '' : ' chk-column'}`}>
        {options.map((option, i) => (
          <div key={option.value} className="krds-form-check">
            <input type={type} id={`${id}-${i}`} name={id} value={option.value} checked={selected.includes(option.value)} required={required}
              aria-invalid={error && i === 0 ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => onChange(option.value, e.target.checked)} />
            <label htmlFor={`${id}-${i}`}>
              <span>{option.label}{option.count !== undefined && <span className="lc-count">({format(option.count)})</span>}</span>
            </label>
          </div>
        ))}
      </div>
      {error && <p className="form-hint-invalid" id={`${id}-error`}>{error}</p>}
    </fieldset>
  );
}
