/**
 * The ministry's view of the designation log: filtered by call, municipality, steps and days (kept in the
 * address, so a filtered view can be shared and survives going back), a page at a time, newest first; the
 * chosen entries download whole as CSV or Excel (the server writes them, so the file is not limited to a page).
 */
import { useSearchParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { CallSummary } from '../../../shared/contracts/designation-calls.ts';
import type { LogEntryView } from '../../../shared/contracts/designation-log.ts';
import type { Municipality } from '../../../shared/contracts/geography.ts';
import { designationStepList, designationSteps } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { cityName } from '../geography/places.ts';

const PAGE_SIZE = 50;

const asFields = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : value === null || value === undefined ? {} : { '': value };

/** A value in a line: long texts (checksums, notes) cut short; the export keeps them whole. */
function brief(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 24 ? `${text.slice(0, 12)}…` : text;
}

/** What a step changed, one line per field: "status: open → submitted", or the value it kept. */
function changes(entry: LogEntryView): string[] {
  const [before, after] = [asFields(entry.before), asFields(entry.after)];
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].map((key) => {
    const label = key ? `${key}: ` : '';
    const [was, is] = [before[key], after[key]];
    // A field only the "before" side names is context (what the step started from), not a removal.
    if (!(key in after) || JSON.stringify(was) === JSON.stringify(is)) return `${label}${brief(key in after ? is : was)}`;
    return `${label}${brief(was)} → ${brief(is)}`;
  });
}

export function LogPage() {
  const { t, label, locale, dateTime } = useLocale();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const allowed = session.can('designation.log.view');
  const steps = params.getAll('step');
  const page = Number(params.get('page') ?? '1') || 1;
  const filter = { call: params.get('call'), city: params.get('city'), from: params.get('from'), to: params.get('to') };
  const filterQuery = new URLSearchParams(query(filter));
  for (const step of steps) filterQuery.append('step', step);
  const filters = filterQuery.toString();
  const log = useApi<PageOf<LogEntryView>>(allowed ? `/designation/log?${filters ? `${filters}&` : ''}page=${page}&pageSize=${PAGE_SIZE}` : null);
  const calls = useApi<PageOf<CallSummary>>(allowed ? '/designation/calls?pageSize=100' : null);
  const cities = useApi<PageOf<Municipality>>(allowed ? '/geography/municipalities?pageSize=250' : null);

  if (session.ready && !session.me) return <LoginPrompt />;
  if (session.ready && !allowed) return <p className="lc-notice">{t('designation-log.notAllowed')}</p>;

  /** A new filter starts again from the first page. */
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const set = (name: 'call' | 'city' | 'from' | 'to') => (event: { target: { value: string } }) => update((next) => {
    if (event.target.value) next.set(name, event.target.value);
    else next.delete(name);
  });
  const toggleStep = (step: string, checked: boolean) => update((next) => {
    next.delete('step');
    for (const s of checked ? [...steps, step] : steps.filter((s) => s !== step)) next.append('step', s);
  });
  const cityNames = new Map((cities.data?.items ?? []).map((m) => [m.code, cityName(m, locale)]));
  const download = (extension: 'csv' | 'xlsx') => `/api/designation/log.${extension}?${filters ? `${filters}&` : ''}lang=${locale}`;

  return (
    <>
      <PageTitle title={t('designation-log.title')} lead={t('designation-log.lead')} />
      <section aria-labelledby="log-filters">
        <h2 className="lc-subtitle" id="log-filters">{t('designation-log.filters')}</h2>
        <div className="lc-controls">
          <SelectField label={t('designation-log.call')} value={filter.call ?? ''} onChange={set('call')}
            options={[{ value: '', label: t('designation-log.anyCall') }, ...(calls.data?.items ?? []).map((c) => ({
              value: String(c.id), label: t('designation-log.callOption', { year: c.year, title: locale === 'en' ? c.titleEn : c.titleKo }),
            }))]} />
          <SelectField label={t('designation-log.city')} value={filter.city ?? ''} onChange={set('city')}
            options={[{ value: '', label: t('designation-log.anyCity') }, ...(cities.data?.items ?? []).map((m) => ({ value: m.code, label: cityName(m, locale) }))]} />
          <TextField label={t('designation-log.from')} type="date" value={filter.from ?? ''} onChange={set('from')} />
          <TextField label={t('designation-log.to')} type="date" value={filter.to ?? ''} onChange={set('to')} />
          <button type="button" className="krds-btn small tertiary" onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('designation-log.clear')}</button>
        </div>
        <details>
          <summary>{steps.length ? t('designation-log.stepsChosen', { count: steps.length }) : t('designation-log.steps')}</summary>
          <ChoiceGroup legend={t('designation-log.steps')} type="checkbox" options={designationStepList.map((s) => ({ value: s.code, label: label(s) }))}
            selected={steps} onChange={toggleStep} />
        </details>
      </section>

      <Loaded state={log}>
        {(result) => (
          <>
            <div className="lc-results-head">
              <p className="lc-result-count" role="status">{t('designation-log.count', { total: result.total })}</p>
              <span className="lc-downloads">
                <span>{t('designation-log.download')}:</span>
                <a className="krds-btn small tertiary" href={download('csv')} download>CSV <span className="sr-only">{t('designation-log.title')}</span></a>
                <a className="krds-btn small tertiary" href={download('xlsx')} download>Excel <span className="sr-only">{t('designation-log.title')}</span></a>
              </span>
            </div>
            {result.items.length === 0 ? <p className="lc-notice">{t('designation-log.none')}</p> : (
              <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('designation-log.title')}>
                <table className="lc-table">
                  <thead>
                    <tr>{(['when', 'step', 'city', 'who', 'reason', 'change'] as const).map((c) => <th key={c} scope="col">{t(`designation-log.columns.${c}`)}</th>)}</tr>
                  </thead>
                  <tbody>
                    {result.items.map((entry) => (
                      <tr key={entry.id}>
                        <td className="lc-nowrap"><time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time></td>
                        <td>{label(designationSteps.get(entry.step))}</td>
                        <td>{entry.cityCode ? cityNames.get(entry.cityCode) ?? entry.cityCode : '—'}</td>
                        <td>{entry.actorName}</td>
                        <td>{entry.reason || '—'}</td>
                        <td><ul className="lc-plain-list">{changes(entry).map((line) => <li key={line}>{line}</li>)}</ul></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total}
              onChange={(next) => { const p = new URLSearchParams(params); p.set('page', String(next)); setParams(p); }} />
          </>
        )}
      </Loaded>
    </>
  );
}
