/**
 * The city console's network tab: the city's institutions (nodes) and their signed, current partnerships (edges)
 * drawn with ECharts, the measures computed on the server with graphology, and the same figures as a table (for
 * screen readers and for download).
 */
import { useMemo } from 'react';
import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { CityNetwork } from '../../../shared/contracts/network.ts';
import { institutionTypes, type InstitutionType } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loaded } from '../../ui/Status.tsx';
import { TableDownloads } from '../../ui/TableDownloads.tsx';
import { useEChart } from '../../ui/useEChart.ts';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

echarts.use([GraphChart, TooltipComponent, LegendComponent]);

/** Okabe–Ito: institutions with partners, without, and links across 행정동 vs within one. */
const colours = { linked: '#0072b2', alone: '#d55e00', across: '#009e73', within: '#767676', bridge: '#000000' };

export default function NetworkPanel({ cityCode }: ConsolePanelProps) {
  const { t, date } = useLocale();
  const network = useApi<CityNetwork>(`/cities/${cityCode}/network`);
  return (
    <section aria-labelledby="network-title">
      <h2 className="lc-section-title" id="network-title">{t('network.console.title')}</h2>
      <p className="lc-lead">{t('network.console.lead')}</p>
      <Loaded state={network}>
        {(n) => (
          <>
            <p>{t('network.console.asOf', { date: date(n.asOf) })}</p>
            <Measures network={n} />
            <NetworkGraph network={n} />
            <NetworkTable network={n} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function Measures({ network }: { network: CityNetwork }) {
  const { t, number } = useLocale();
  const m = network.measures;
  const items: [string, string][] = [
    [t('network.console.institutions'), number(m.institutions)],
    [t('network.console.partnerships'), number(m.agreements)],
    [t('network.console.withoutPartner'), number(m.withoutPartner)],
    [t('network.console.acrossDongs'), number(m.linksAcrossDongs)],
    [t('network.console.bridges'), number(m.bridges)],
    [t('network.console.averagePartners'), number(m.averagePartners)],
    [t('network.console.components'), number(m.components)],
    [t('network.console.density'), number(m.density)],
  ];
  return (
    <dl className="lc-facts">
      {items.map(([term, value]) => [<dt key={`${term}-t`}>{term}</dt>, <dd key={`${term}-d`}>{value}</dd>])}
    </dl>
  );
}

function NetworkGraph({ network }: { network: CityNetwork }) {
  const { t, label } = useLocale();
  const option = useMemo(() => {
    const names = new Map(network.nodes.map((n) => [n.institutionId, n.name]));
    return {
      tooltip: { formatter: (p: { dataType: string; data: { name?: string; value?: number; source?: string; target?: string } }) =>
        (p.dataType === 'edge' ? `${names.get(Number(p.data.source))} — ${names.get(Number(p.data.target))}` : `${p.data.name}: ${t('network.console.partnersOf', { count: p.data.value ?? 0 })}`) },
      legend: { top: 0, data: [t('network.console.linked'), t('network.console.alone')] },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, top: 32,
        force: { repulsion: 90, edgeLength: 60, gravity: 0.08 },
        categories: [{ name: t('network.console.linked'), itemStyle: { color: colours.linked } }, { name: t('network.console.alone'), itemStyle: { color: colours.alone } }],
        label: { show: network.nodes.length <= 40, position: 'right', fontSize: 11 },
        data: network.nodes.map((n) => ({
          id: String(n.institutionId), name: n.name, value: n.partners, category: n.partners > 0 ? 0 : 1,
          symbolSize: 8 + Math.min(n.partners, 10) * 3,
          tooltip: { formatter: `${n.name} (${label(institutionTypes.get(n.type as InstitutionType))}, ${n.dongName}): ${t('network.console.partnersOf', { count: n.partners })}` },
        })),
        links: network.edges.map((e) => ({
          source: String(e.source), target: String(e.target),
          lineStyle: { width: e.bridge ? 3 : 1.5, type: e.crossesDongs ? 'solid' : 'dashed', color: e.bridge ? colours.bridge : e.crossesDongs ? colours.across : colours.within },
        })),
      }],
    };
  }, [network, t, label]);
  const element = useEChart(option);
  return (
    <figure className="lc-chart">
      <div ref={element} style={{ width: '100%', height: 420 }} aria-hidden="true" />
      <figcaption>{t('network.console.graphCaption')}</figcaption>
    </figure>
  );
}

function NetworkTable({ network }: { network: CityNetwork }) {
  const { t, label, number } = useLocale();
  const rows = [...network.nodes].sort((a, b) => a.partners - b.partners || a.name.localeCompare(b.name, 'ko'));
  const names = new Map(network.nodes.map((n) => [n.institutionId, n.name]));
  const columns = [t('network.console.institution'), t('network.console.type'), t('network.console.dong'), t('network.console.partners'), t('network.console.partnersOtherDongs'), t('network.console.betweenness')];
  const table = {
    title: t('network.console.tableTitle'),
    columns,
    rows: rows.map((n) => [n.name, label(institutionTypes.get(n.type as InstitutionType)), n.dongName, n.partners, n.partnersInOtherDongs, n.betweenness]),
  };
  const links = {
    title: t('network.console.linksTitle'),
    columns: [t('network.console.institution'), t('network.console.institution'), t('network.console.acrossDongsShort'), t('network.console.bridgeShort')],
    rows: network.edges.map((e) => [names.get(e.source) ?? '', names.get(e.target) ?? '', e.crossesDongs ? t('network.yes') : t('network.no'), e.bridge ? t('network.yes') : t('network.no')]),
  };
  return (
    <>
      <h3 className="lc-subtitle">{table.title}</h3>
      <p className="lc-hint">{t('network.console.tableHint')}</p>
      <TableDownloads table={table} />
      <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={table.title}>
        <table className="lc-table">
          <caption className="sr-only">{table.title}</caption>
          <thead><tr>{columns.map((c, i) => <th key={c} scope="col" className={i >= 3 ? 'num' : undefined}>{c}</th>)}</tr></thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.institutionId}>
                <th scope="row">{n.name}</th>
                <td>{label(institutionTypes.get(n.type as InstitutionType))}</td>
                <td>{n.dongName}</td>
                <td className="num">{n.partners === 0 ? <span className="krds-badge bg-light-warning">{t('network.console.none')}</span> : number(n.partners)}</td>
                <td className="num">{number(n.partnersInOtherDongs)}</td>
                <td className="num">{n.betweenness}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="lc-subtitle">{links.title}</h3>
      <TableDownloads table={links} />
      {links.rows.length === 0 ? <p>{t('network.console.noLinks')}</p> : (
        <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={links.title}>
          <table className="lc-table">
            <caption className="sr-only">{links.title}</caption>
            <thead><tr>{links.columns.map((c, i) => <th key={`${c}-${i}`} scope="col">{c}</th>)}</tr></thead>
            <tbody>{links.rows.map((r, i) => <tr key={i}>{r.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}</tr>)}</tbody>
          </table>
        </div>
      )}
    </>
  );
}
