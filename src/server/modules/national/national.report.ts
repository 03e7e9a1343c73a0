/**
 * The ministry's national yearly report as sections (pure): the learning cities at the end of the year and since
 * 2001, by province, the cohorts due, the composite index by the ministry's groups with every city's score named, and
 * the cities at risk. The same sections become the Korean PDF (with its charts) and the workbook (a sheet per table).
 */
import type { AtRiskList, CohortsDue, IndexDistribution, NationalYear } from '../../../shared/contracts/national.ts';
import { atRiskReasons, cohortGroups, designationStates, roundStatuses } from '../../../shared/vocabulary/index.ts';
import { barChartSvg } from '../../platform/documents/charts.ts';
import type { ReportSection } from '../../platform/documents/report.ts';

export interface NationalReportData {
  year: number;
  generatedAt: Date;
  /** 2001 to the report's year. */
  timeline: NationalYear[];
  /** Learning cities on 31 December of the year, by province (every province, in the order of their codes). */
  provinces: { provinceShortKo: string; learning: number }[];
  cohorts: CohortsDue;
  index: IndexDistribution;
  /** Every city at risk when the report is made. */
  atRisk: AtRiskList;
}

const n = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : value.toLocaleString('ko-KR', { maximumFractionDigits: digits });
const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

function summary(data: NationalReportData): ReportSection {
  const last = data.timeline.at(-1)!;
  const first = data.timeline[0]!;
  const next = data.cohorts.years[0];
  const { counts } = data.atRisk;
  return {
    title: '1. 요약',
    paragraphs: [
      `${data.year}년 12월 31일 기준 평생학습도시는 ${n(last.learning, 0)}곳입니다. 이 해에 ${n(last.newlyDesignated, 0)}곳이 새로 지정되었고 ${n(last.revoked, 0)}곳의 지정이 취소되었습니다.`,
      `${first.year}년 ${n(first.learning, 0)}곳에서 시작해 ${data.timeline.length}년 동안 ${n(last.learning - first.learning, 0)}곳이 늘었습니다.`,
      next ? `${next.year}년 재지정 평가 대상은 ${n(next.counts.total, 0)}곳입니다.` : '',
      `이 보고서를 만든 때의 위험 도시는 ${n(counts.total, 0)}곳입니다 (재지정 유예 ${n(counts.deferred, 0)}곳, 평가 점수 하락 ${n(counts.score_fell, 0)}곳, 종합지수가 같은 유형의 하위 25% ${n(counts.below_peers, 0)}곳; 한 도시에 여러 까닭이 있을 수 있습니다).`,
    ].filter(Boolean),
    charts: [],
    tables: [{
      title: '지정 상태별 도시 수 (12월 31일)',
      columns: ['상태', '도시 수'],
      rows: designationStates.entries.map((s) => [s.ko, last.states[s.code] ?? 0]),
    }],
  };
}

function years(data: NationalReportData): ReportSection {
  const labels = data.timeline.map((y) => String(y.year));
  return {
    title: '2. 연도별 평생학습도시',
    paragraphs: ['해마다 12월 31일에 지정·재지정·우수·유예 상태인 도시를 평생학습도시로 세었습니다.'],
    charts: [
      { title: '연도별 평생학습도시 수', svg: () => barChartSvg(labels, [{ name: '평생학습도시', values: data.timeline.map((y) => y.learning) }], { line: true }) },
      { title: '연도별 신규 지정과 지정 취소', svg: () => barChartSvg(labels, [{ name: '신규 지정', values: data.timeline.map((y) => y.newlyDesignated) }, { name: '지정 취소', values: data.timeline.map((y) => y.revoked) }]) },
    ],
    tables: [{
      title: '연도별 평생학습도시',
      columns: ['연도', '평생학습도시', '신규 지정', '지정 취소'],
      rows: data.timeline.map((y) => [y.year, y.learning, y.newlyDesignated, y.revoked]),
    }],
  };
}

function provinces(data: NationalReportData): ReportSection {
  return {
    title: '3. 시·도별 평생학습도시',
    paragraphs: [`${data.year}년 12월 31일 기준 시·도별 평생학습도시 수입니다.`],
    charts: [{ title: '시·도별 평생학습도시 수', svg: () => barChartSvg(data.provinces.map((p) => p.provinceShortKo), [{ name: '평생학습도시', values: data.provinces.map((p) => p.learning) }]) }],
    tables: [{ title: '시·도별 평생학습도시', columns: ['시·도', '평생학습도시'], rows: data.provinces.map((p) => [p.provinceShortKo, p.learning]) }],
  };
}

function cohorts(data: NationalReportData): ReportSection {
  return {
    title: '4. 재지정 평가 대상',
    paragraphs: ['지정(재지정) 뒤 평가 주기가 돌아와 재지정 평가를 받아야 하는 도시 수입니다.'],
    charts: [],
    tables: [{
      title: '연도별 재지정 평가 대상',
      columns: ['연도', '평가 상태', '합계', ...cohortGroups.entries.map((g) => g.ko)],
      rows: data.cohorts.years.map((y) => [y.year, y.roundStatus ? roundStatuses.get(y.roundStatus).ko : '평가 전', y.counts.total, ...cohortGroups.codes.map((g) => y.counts[g])]),
    }],
  };
}

function index(data: NationalReportData): ReportSection {
  const { index: ind } = data;
  if (ind.year === null) {
    return { title: '5. 종합지수 분포', paragraphs: [`${data.year}년의 지표가 아직 계산되지 않아 종합지수를 싣지 못했습니다.`], charts: [], tables: [] };
  }
  const groups = ind.groups.map((g) => ({ ...g, name: cohortGroups.get(g.group).ko }));
  return {
    title: '5. 종합지수 분포',
    paragraphs: [`${ind.year}년 성과 지표로 계산한 종합지수(100점 만점)를 평가 유형별로 나누어 보았습니다. 상자 안의 값은 사분위수입니다.`],
    charts: [{
      title: '평가 유형별 종합지수 (하위 25%, 중앙값, 상위 25%)',
      svg: () => barChartSvg(groups.map((g) => g.name), [
        { name: '하위 25%', values: groups.map((g) => round(g.p25) ?? 0) },
        { name: '중앙값', values: groups.map((g) => round(g.median) ?? 0) },
        { name: '상위 25%', values: groups.map((g) => round(g.p75) ?? 0) },
      ]),
    }],
    tables: [
      {
        title: '평가 유형별 종합지수',
        columns: ['평가 유형', '도시 수', '최저', '하위 25%', '중앙값', '상위 25%', '최고'],
        rows: groups.map((g) => [g.name, g.n, round(g.min), round(g.p25), round(g.median), round(g.p75), round(g.max)]),
      },
      ...groups.map((g) => ({
        title: `종합지수 · ${g.name}`,
        columns: ['도시', '종합지수'],
        rows: [...(g.cities ?? [])].reverse().map((c) => [c.nameKo, round(c.score)]),
      })),
    ],
  };
}

function atRisk(data: NationalReportData): ReportSection {
  return {
    title: '6. 위험 도시',
    paragraphs: ['재지정이 유예되었거나, 재지정 평가 점수가 직전 평가보다 떨어졌거나, 종합지수가 같은 평가 유형 도시의 하위 25%인 평생학습도시입니다. 까닭이 많은 도시부터 실었습니다.'],
    charts: [],
    tables: [{
      title: '위험 도시',
      columns: ['도시', '시·도', '평가 유형', '상태', '까닭', '종합지수', '유형 하위 25% 기준', '최근 평가 점수', '개선 컨설팅'],
      rows: data.atRisk.items.map((c) => [
        c.nameKo, c.provinceShortKo, cohortGroups.get(c.group).ko, designationStates.get(c.state).ko,
        c.reasons.map((r) => atRiskReasons.get(r).ko).join(', '), round(c.index), round(c.groupP25),
        c.totals.map((t) => `${t.year}년 ${n(t.total)}점`).join(' → ') || null,
        c.consulting ? `${c.consulting.roundYear}년 평가 후${c.consulting.closed ? ' (종료)' : ' (진행 중)'}` : null,
      ]),
    }],
  };
}

export function nationalReportSections(data: NationalReportData): ReportSection[] {
  return [summary(data), years(data), provinces(data), cohorts(data), index(data), atRisk(data)];
}
