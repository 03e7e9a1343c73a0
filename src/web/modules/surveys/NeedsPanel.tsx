/**
 * The city console's needs survey tab (학습요구조사): the year's questions chosen from the program taxonomy, and
 * the Borich analysis for the city or one respondents' group and/or dong — items and areas ranked, the Locus for
 * Focus chart with its table, how residents would learn. Every table downloadable as CSV or Excel.
 */
import { lazy, Suspense, useMemo, useState } from 'react';
import type { Instrument, InstrumentBody, NeedItemResult, NeedsAnalysis } from '../../../shared/contracts/surveys.ts';
import { locusQuadrants, programAreas, targetGroups, taxonomyNeedItems } from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded, Loading } from '../../ui/Status.tsx';
import { TableDownloads, type DownloadableTable } from '../../ui/TableDownloads.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { recentYears, twoDecimals } from './SurveyResultsPanel.tsx';

const LocusChart = lazy(() => import('./LocusChart.tsx'));

export default function NeedsPanel({ cityCode }: ConsolePanelProps) {
  const { t } = useLocale();
  const thisYear = Number(todayInKorea().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const base = `/cities/${cityCode}/surveys/needs/${year}`;
  return (
    <section aria-labelledby="needs-title">
      <h2 id="needs-title" className="lc-section-title">{t('surveys.needs.tab')}</h2>
      <SelectField label={t('surveys.year')} value={String(year)} onChange={(e) => setYear(Number(e.target.value))}
        options={recentYears().map((y) => ({ value: String(y), label: t('surveys.yearOption', { year: y }) }))} />
      {year >= thisYear && <Builder key={base} path={`${base}/instrument`} />}
      <Analysis key={`${base}/analysis`} path={`${base}/analysis`} />
    </section>
  );
}

/** Which taxonomy items the year's questionnaire asks about: checked ones kept, others added in taxonomy order. */
function Builder({ path }: { path: string }) {
  const { t, locale } = useLocale();
  const instrument = useApi<Instrument>(path);
  return (
    <section aria-labelledby="needs-builder">
      <h3 id="needs-builder">{t('surveys.needs.builder')}</h3>
      <p className="lc-meta">{t('surveys.needs.builderLead')}</p>
      <Loaded state={instrument}>
        {(i) => <BuilderForm path={path} instrument={i} words={(e) => e[locale]} />}
      </Loaded>
    </section>
  );
}

function BuilderForm({ path, instrument, words }: { path: string; instrument: Instrument; words(e: { ko: string; en: string }): string }) {
  const { t } = useLocale();
  const needsSection = instrument.definition.sections.find((s) => s.questions.some((q) => q.kind === 'need'));
  const [chosen, setChosen] = useState<string[]>(needsSection?.questions.filter((q) => q.kind === 'need').map((q) => q.code) ?? []);
  const [saved, setSaved] = useState<number | null>(null);
  const definition = (): InstrumentBody => {
    const asked = needsSection?.questions ?? [];
    // The city's own wording of an item stays; items it added outside the taxonomy's list stay too.
    const fromTaxonomy = taxonomyNeedItems.filter((item) => chosen.includes(item.code)).map((item) => asked.find((q) => q.code === item.code) ?? item);
    const own = asked.filter((q) => !taxonomyNeedItems.some((item) => item.code === q.code) && chosen.includes(q.code));
    return {
      ...instrument.definition,
      sections: instrument.definition.sections.map((s) => (s === needsSection ? { ...s, questions: [...fromTaxonomy, ...own] } : s)),
    };
  };
  const submission = useSubmission(async () => {
    setSaved((await api<Instrument>(path, { method: 'PUT', body: definition() })).version);
  });
  return (
    <form className="lc-form" onSubmit={submission.onSubmit} noValidate>
      <p className="lc-meta">{t('surveys.needs.version', { version: saved ?? instrument.version })} · {t('surveys.needs.chosen', { count: chosen.length })}</p>
      {programAreas.entries.filter((area) => taxonomyNeedItems.some((item) => programAreas.get(area.code)!.subcategories.some((s) => s.code === item.subcategory))).map((area) => (
        <ChoiceGroup key={area.code} legend={words(area)} type="checkbox" selected={chosen}
          options={taxonomyNeedItems.filter((item) => area.subcategories.some((s) => s.code === item.subcategory)).map((item) => ({ value: item.code, label: words(area.subcategories.find((s) => s.code === item.subcategory)!) }))}
          onChange={(value, checked) => setChosen(checked ? [...chosen, value] : chosen.filter((c) => c !== value))} />
      ))}
      <FormStatus error={submission.formError(['sections'])} />
      {saved !== null && <p className="lc-notice success" role="status">{t('surveys.needs.saved', { version: saved })}</p>}
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('surveys.needs.save')}</button></div>
    </form>
  );
}

function Analysis({ path }: { path: string }) {
  const { t, locale, label, number } = useLocale();
  const [group, setGroup] = useState('');
  const [dong, setDong] = useState('');
  const analysis = useApi<NeedsAnalysis>(`${path}${query({ targetGroup: group || undefined, dong: dong || undefined })}`);
  return (
    <section aria-labelledby="needs-analysis">
      <h3 id="needs-analysis">{t('surveys.needs.analysis')}</h3>
      <p className="lc-meta">{t('surveys.needs.analysisLead')}</p>
      <Loaded state={analysis}>
        {(a) => (
          <>
            <div className="lc-controls">
              <SelectField label={t('surveys.needs.group')} value={group} onChange={(e) => setGroup(e.target.value)}
                options={[{ value: '', label: t('surveys.needs.everyone') }, ...a.targetGroups.map((g) => ({ value: g.code, label: `${label(targetGroups.get(g.code))} (${number(g.respondents)})` }))]} />
              <SelectField label={t('surveys.needs.dong')} value={dong} onChange={(e) => setDong(e.target.value)}
                options={[{ value: '', label: t('surveys.needs.everyone') }, ...a.dongs.map((d) => ({ value: d.code, label: `${locale === 'en' ? d.nameEn : d.nameKo} (${number(d.respondents)})` }))]} />
            </div>
            <p className="lc-result-count">{t('surveys.needs.respondents', { count: number(a.responses), paper: number(a.paperResponses), slice: number(a.respondents) })}</p>
            {!a.shown ? <p className="lc-notice">{t('surveys.needs.notEnough', { count: number(a.respondents), minimum: a.minimumShown })}</p> : <Results analysis={a} />}
          </>
        )}
      </Loaded>
    </section>
  );
}

function Results({ analysis: a }: { analysis: NeedsAnalysis }) {
  const { t, locale, label } = useLocale();
  const words = (entry: { ko: string; en: string }) => entry[locale];
  const quadrant = (i: NeedItemResult) => label(locusQuadrants.get(i.quadrant));
  const chartLabels = useMemo(() => ({
    item: words, quadrant, required: t('surveys.needs.meanRequired'), gap: t('surveys.needs.gap'), quadrantTitle: t('surveys.needs.quadrant'), rank: t('surveys.needs.rank'),
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [locale]);
  const itemsTable: DownloadableTable = {
    title: t('surveys.needs.itemsTitle'),
    columns: ['rank', 'item', 'area', 'meanCurrent', 'meanRequired', 'gap', 'borich', 'quadrant', 'n'].map((c) => t(`surveys.needs.${c}`)),
    rows: a.items.map((i) => [i.rank, words(i), label(programAreas.get(i.area)), round(i.meanCurrent), round(i.meanRequired), round(i.meanGap), round(i.borich), quadrant(i), i.n]),
  };
  const areasTable: DownloadableTable = {
    title: t('surveys.needs.areasTitle'),
    columns: ['rank', 'area', 'meanCurrent', 'meanRequired', 'gap', 'borich', 'n'].map((c) => t(`surveys.needs.${c}`)),
    rows: a.areas.map((r) => [r.rank, label(programAreas.get(r.area)), round(r.meanCurrent), round(r.meanRequired), round(r.meanGap), round(r.borich), r.n]),
  };
  return (
    <>
      <Table table={itemsTable} id="needs-items" />
      <Table table={areasTable} id="needs-areas" />
      {a.split && (
        <section aria-labelledby="needs-locus">
          <h4 id="needs-locus">{t('surveys.needs.chartTitle')}</h4>
          <p className="lc-meta">{t('surveys.needs.chartLead', { x: twoDecimals(a.split.meanRequired), y: twoDecimals(a.split.meanGap) })}</p>
          <Suspense fallback={<Loading />}><LocusChart items={a.items} split={a.split} title={t('surveys.needs.chartTitle')} labels={chartLabels} /></Suspense>
        </section>
      )}
      <Table id="needs-preferences" table={{
        title: t('surveys.needs.preferences'),
        columns: [t('surveys.results.question'), t('surveys.needs.choice'), t('surveys.needs.count')],
        rows: a.preferences.flatMap((p) => p.choices.map((c) => [words(p), words(c), c.count])),
      }} />
    </>
  );
}

const round = (value: number) => Number(value.toFixed(3));

function Table({ table, id }: { table: DownloadableTable; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h4 id={id}>{table.title}</h4>
      <div className="lc-table-wrap" tabIndex={0} role="region" aria-labelledby={id}>
        <table className="lc-table">
          <thead><tr>{table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr></thead>
          <tbody>{table.rows.map((row, r) => <tr key={r}>{row.map((cell, c) => (c === 1 ? <th key={c} scope="row">{cell}</th> : <td key={c}>{cell ?? '—'}</td>))}</tr>)}</tbody>
        </table>
      </div>
      <TableDownloads table={table} />
    </section>
  );
}
