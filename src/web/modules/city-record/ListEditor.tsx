/**
 * One list of the city's record (committees, members, meetings, ordinances, training, events): a paged
 * table, a form to add, change or remove an item. A save over someone else's newer one is refused by the
 * server (409) and said so here, with a way to reload.
 */
import { useId, useState, type ReactNode } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';

export interface FieldSpec {
  key: string;
  /** 'numbers': ids or years, separated by commas or lines. */
  type: 'text' | 'textarea' | 'date' | 'time' | 'number' | 'select' | 'checkbox' | 'lines' | 'numbers';
  options?: { value: string; label: string }[];
  /** Empty means "not known" (null) rather than an empty text. */
  nullable?: boolean;
  /** Shown in the table. */
  column?: boolean;
  /** A new item's value, when not the usual (a checkbox starts ticked). */
  initial?: string | boolean;
}

type Item = Record<string, unknown> & { id: number; version: number };

const emptyValue = (field: FieldSpec) => field.initial ?? (field.type === 'checkbox' ? true : field.type === 'select' ? field.options?.[0]?.value ?? '' : '');

function toForm(fields: readonly FieldSpec[], item?: Item): Record<string, string | boolean> {
  return Object.fromEntries(fields.map((f) => {
    const value = item?.[f.key];
    if (value === undefined || value === null) return [f.key, emptyValue(f)];
    if (f.type === 'checkbox') return [f.key, Boolean(value)];
    if (f.type === 'lines') return [f.key, (value as string[]).join('\n')];
    if (f.type === 'numbers') return [f.key, (value as number[]).join(', ')];
    // The server gives 14:00:00; the time input takes 14:00.
    if (f.type === 'time') return [f.key, String(value).slice(0, 5)];
    return [f.key, String(value)];
  }));
}

function toBody(fields: readonly FieldSpec[], form: Record<string, string | boolean>): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => {
    const value = form[f.key];
    if (f.type === 'checkbox') return [f.key, Boolean(value)];
    const text = String(value ?? '').trim();
    if (f.type === 'lines') return [f.key, text.split('\n').map((l) => l.trim()).filter(Boolean)];
    if (f.type === 'numbers') return [f.key, text.split(/[\s,]+/).filter(Boolean).map(Number)];
    if (text === '' && (f.nullable || f.type === 'number' || f.type === 'date' || f.type === 'time')) return [f.key, null];
    if (f.type === 'number') return [f.key, Number(text)];
    return [f.key, text];
  }));
}

function ItemForm({ fields, labelOf, initial, send, onDone, onCancel }: {
  fields: readonly FieldSpec[]; labelOf(key: string): string; initial?: Item;
  send(body: Record<string, unknown>): Promise<unknown>; onDone(): void; onCancel(): void;
}) {
  const { t } = useLocale();
  const [form, setForm] = useState(() => toForm(fields, initial));
  const submission = useSubmission(() => send(toBody(fields, form)), onDone);
  const set = (key: string, value: string | boolean) => setForm({ ...form, [key]: value });
  const conflict = submission.error?.status === 409;
  return (
    <form className="lc-form lc-inline-form" onSubmit={submission.onSubmit}>
      {fields.map((field) => {
        const common = { label: labelOf(field.key), error: submission.fieldError(field.key) };
        const value = String(form[field.key] ?? '');
        if (field.type === 'select') return <SelectField key={field.key} {...common} value={value} options={field.options ?? []} onChange={(e) => set(field.key, e.target.value)} />;
        if (field.type === 'textarea' || field.type === 'lines') return <TextArea key={field.key} {...common} value={value} onChange={(e) => set(field.key, e.target.value)} />;
        if (field.type === 'checkbox') {
          return (
            <div key={field.key} className="krds-form-check">
              <input type="checkbox" id={`field-${field.key}`} checked={Boolean(form[field.key])} onChange={(e) => set(field.key, e.target.checked)} />
              <label htmlFor={`field-${field.key}`}>{common.label}</label>
            </div>
          );
        }
        return <TextField key={field.key} {...common} type={field.type === 'number' ? 'number' : field.type === 'date' || field.type === 'time' ? field.type : 'text'} step="any" value={value} onChange={(e) => set(field.key, e.target.value)} />;
      })}
      <FormStatus error={conflict ? t('city-record.conflict') : submission.formError(fields.map((f) => f.key))} done={submission.done} />
      <div className="lc-form-row">
        <button type="submit" className="krds-btn primary" disabled={submission.busy}>{initial ? t('common.save') : t('city-record.add')}</button>
        <button type="button" className="krds-btn tertiary" onClick={onCancel}>{conflict ? t('city-record.reload') : t('common.cancel')}</button>
      </div>
    </form>
  );
}

function RemoveItem({ path, onDone }: { path: string; onDone(): void }) {
  const { t } = useLocale();
  const submission = useSubmission(() => api(path, { method: 'DELETE' }), onDone);
  return (
    <ConfirmAction label={t('city-record.remove')} question={t('city-record.removeQuestion')} yes={t('city-record.yes')} no={t('city-record.no')}
      busy={submission.busy} onConfirm={submission.onSubmit}>
      <FormStatus error={submission.formError()} />
    </ConfirmAction>
  );
}

export function ListEditor({ title, path, fields, labelOf, filter = {}, fixed = {}, canEdit, display, rowExtra, onChanged }: {
  title: string;
  /** The list's API path, e.g. /cities/31060/record/ordinances. */
  path: string;
  fields: readonly FieldSpec[];
  labelOf(key: string): string;
  filter?: Record<string, string | number | undefined>;
  /** Values every new item gets (e.g. the committee a meeting belongs to). */
  fixed?: Record<string, unknown>;
  canEdit: boolean;
  /** How a value shows in the table (vocabulary words, dates…). */
  display?(key: string, item: Item): ReactNode;
  rowExtra?(item: Item): ReactNode;
  onChanged?(): void;
}) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<Item>>(`${path}${query({ ...filter, page, pageSize: 10 })}`);
  const [editing, setEditing] = useState<Item | 'new' | null>(null);
  const columns = fields.filter((f) => f.column);
  const headingId = useId();
  const changed = () => {
    setEditing(null);
    list.reload();
    onChanged?.();
  };
  const show = (key: string, item: Item) => display?.(key, item) ?? (Array.isArray(item[key]) ? (item[key] as string[]).join(', ') : String(item[key] ?? '—'));
  return (
    <section className="lc-record-list" aria-labelledby={headingId}>
      <h3 className="lc-section-title" id={headingId}>{title}</h3>
      <Loaded state={list}>
        {(data) => data.items.length === 0 ? <p>{t('city-record.none')}</p> : (
          <div className="lc-table-wrap">
            <table className="lc-table">
              <caption className="sr-only">{title}</caption>
              <thead><tr>{columns.map((c) => <th key={c.key} scope="col">{labelOf(c.key)}</th>)}{(canEdit || rowExtra) && <th scope="col"><span className="sr-only">{t('city-record.edit')}</span></th>}</tr></thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id}>
                    {columns.map((c, i) => i === 0 ? <th key={c.key} scope="row">{show(c.key, item)}</th> : <td key={c.key}>{show(c.key, item)}</td>)}
                    {(canEdit || rowExtra) && (
                      <td className="lc-row-actions">
                        {rowExtra?.(item)}
                        {canEdit && <button type="button" className="krds-btn small tertiary" onClick={() => setEditing(item)}>{t('city-record.edit')}</button>}
                        {canEdit && <RemoveItem path={`${path}/${item.id}`} onDone={changed} />}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
          </div>
        )}
      </Loaded>
      {canEdit && editing === null && (
        <button type="button" className="krds-btn secondary" onClick={() => setEditing('new')}>{t('city-record.add')}<span className="sr-only"> ({title})</span></button>
      )}
      {editing !== null && (
        <ItemForm
          key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`}
          fields={fields} labelOf={labelOf} initial={editing === 'new' ? undefined : editing}
          send={(body) => editing === 'new'
            ? api(path, { method: 'POST', body: { ...body, ...fixed } })
            : api(`${path}/${editing.id}`, { method: 'PATCH', body: { ...body, version: editing.version } })}
          onDone={changed}
          onCancel={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </section>
  );
}
