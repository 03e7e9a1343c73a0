/**
 * The annual report as sections of text, charts and tables, in Korean: the same content becomes the PDF
 * (with its charts) and the workbook (every table a sheet). Pure: built from the gathered data.
 */
import {
  committeeKinds, eventKinds, indicatorGroups, indicators, infrastructureDimensions, municipalityKinds, ordinanceKinds,
  performanceAreas, programAreas, targetGroups, type IndicatorGroup,
} from '../../../shared/vocabulary/index.ts';
import { barChartSvg, radarChartSvg } from '../../platform/documents/charts.ts';
import type { ReportChart, ReportSection, ReportTable } from '../../platform/documents/report.ts';
import type { AnnualReportData } from './annual-report.data.ts';

const n = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined || Number.isNaN(value) ? '—' : value.toLocaleString('ko-KR', { maximumFractionDigits: digits });
const round = (value: number | null | undefined, digits = 1) => (value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const percent = (share: number) => `${(share * 100).toLocaleString('ko-KR', { maximumFractionDigits: 1 })}%`;
const groupName = (group: IndicatorGroup) => indicatorGroups.get(group).ko;

function summary(data: AnnualReportData): ReportSection {
  const { indicators: ind, city } = data;
  const perf = ind.performanceIndex;
  const infra = ind.infrastructureIndex;
  const kind = municipalityKinds.get(city.kind).ko;
  const nameOf = (id: string) => indicators.get(id as never).ko;
  const ranked = ind.indicators.filter((i) => i.rank !== null && i.peers.n >= 5);
  const strong = ranked.filter((i) => i.rank! <= Math.ceil(i.peers.n * 0.2)).map((i) => nameOf(i.indicatorId));
  const weak = ranked.filter((i) => i.rank! > Math.floor(i.peers.n * 0.8)).map((i) => nameOf(i.indicatorId));
  const value = (id: string) => ind.indicators.find((i) => i.indicatorId === id)?.value ?? null;
  return {
    title: '1. 요약',
    paragraphs: [
      `${city.nameKo}의 ${data.year}년 성과 지수는 100점 만점에 ${n(perf.score)}점으로, 같은 유형(${kind}) 평생학습도시 ${perf.peers}곳 가운데 ${perf.rank}위입니다. ` +
      `가중치와 계산 방식을 바꾸어 500번 다시 계산해도 순위는 ${perf.rankInterval.p5}~${perf.rankInterval.p95}위 사이에 있습니다.`,
      `예산·인력·조직·제도·정보의 기반 지수는 ${n(infra.score)}점, ${infra.peers}곳 가운데 ${infra.rank}위(범위 ${infra.rankInterval.p5}~${infra.rankInterval.p95}위)입니다.`,
      `비교 도시보다 특히 나은 점: ${strong.join(', ') || '없음'}.`,
      `비교 도시보다 특히 부족한 점: ${weak.join(', ') || '없음'}.`,
      `주민 학습 참여율 ${n(value('participation_rate'))}%, 수료율 ${n(value('completion_rate'))}%, 주민 만족도 ${n(value('satisfaction'), 2)}점(5점 만점), ` +
      `주민 1인당 평생교육 예산 ${n(value('budget_per_resident'), 0)}원.`,
    ],
    charts: [],
    tables: [{
      title: '종합 지수',
      columns: ['지수', '점수', '순위', '비교 도시 수', '순위 범위(5%)', '순위 범위(95%)'],
      rows: [
        ['성과 지수', round(perf.score), perf.rank, perf.peers, perf.rankInterval.p5, perf.rankInterval.p95],
        ['기반 지수', round(infra.score), infra.rank, infra.peers, infra.rankInterval.p5, infra.rankInterval.p95],
      ],
    }],
  };
}

function indicatorTables(data: AnnualReportData, groups: readonly IndicatorGroup[]): ReportTable[] {
  const { indicators: ind } = data;
  return groups.map((group) => ({
    title: `지표 · ${groupName(group)}`,
    columns: ['지표', '단위', ...ind.years.map(String), '비교 도시 중앙값', '순위'],
    rows: ind.indicators.filter((i) => indicators.get(i.indicatorId).group === group).map((i) => {
      const definition = indicators.get(i.indicatorId);
      return [definition.ko, definition.unit.ko, ...i.series.map((s) => round(s.value, definition.decimals)), round(i.peers.median, definition.decimals),
        i.rank === null ? null : `${i.rank}/${i.peers.n}`];
    }),
  }));
}

function groupsRadar(title: string, groups: readonly IndicatorGroup[], standing: AnnualReportData['indicators']['performanceIndex']): ReportChart {
  return {
    title,
    width: 300,
    svg: () => radarChartSvg(groups.map(groupName), [
      { name: '우리 도시', values: groups.map((g) => standing.groups[g] ?? null) },
      { name: '비교 도시 중앙값', values: groups.map((g) => standing.groupMedians[g] ?? null) },
    ]),
  };
}

function performance(data: AnnualReportData): ReportSection {
  const history = data.indicators.history;
  return {
    title: '2. 네 가지 성과 영역',
    paragraphs: [
      '논문이 제시한 네 영역(삶의 질, 경제, 인적자원 개발, 사회 통합)의 지표를 같은 유형 도시와 비교했습니다. ' +
      '영역 점수는 비교 도시 안에서 최솟값 0, 최댓값 100으로 맞춘 지표의 평균입니다.',
    ],
    charts: [
      groupsRadar('영역별 점수: 우리 도시와 비교 도시 중앙값', performanceAreas, data.indicators.performanceIndex),
      {
        title: '영역별 점수의 변화',
        svg: () => barChartSvg(history.map((h) => String(h.year)),
          performanceAreas.map((area) => ({ name: groupName(area), values: history.map((h) => round(h.performance.groups[area] ?? null)) })), { line: true }),
      },
    ],
    tables: indicatorTables(data, performanceAreas),
  };
}

function infrastructure(data: AnnualReportData): ReportSection {
  const { record } = data;
  const won = (value: number | null) => (value === null ? null : value);
  return {
    title: '3. 다섯 가지 기반',
    paragraphs: [
      `예산, 인력, 조직, 제도(조례), 정보 인프라를 도시 기록에서 가져왔습니다. ${data.year}년 위원회 회의 ${record.meetings.length}회, ` +
      `직원 연수 ${record.trainings.length}회, 평생학습 행사 ${record.events.length}회를 기록했습니다.`,
    ],
    charts: [
      groupsRadar('기반별 점수: 우리 도시와 비교 도시 중앙값', infrastructureDimensions, data.indicators.infrastructureIndex),
      {
        title: '평생교육 예산(백만 원)',
        svg: () => barChartSvg(record.years.map((y) => String(y.year)), [
          { name: '국비', values: record.years.map((y) => round((y.budgetNationalKrw ?? 0) / 1e6, 0)) },
          { name: '광역', values: record.years.map((y) => round((y.budgetProvincialKrw ?? 0) / 1e6, 0)) },
          { name: '자체', values: record.years.map((y) => round((y.budgetOwnKrw ?? 0) / 1e6, 0)) },
        ]),
      },
    ],
    tables: [
      ...indicatorTables(data, infrastructureDimensions),
      {
        title: '연도별 예산·인력·조직',
        columns: ['연도', '국비(원)', '광역(원)', '자체(원)', '시·군·구 총예산(원)', '전담 인력', '평생교육사', '전담 부서', '평생학습관', '행복학습센터', '정보 시스템 수'],
        rows: record.years.map((y) => [
          y.year, won(y.budgetNationalKrw), won(y.budgetProvincialKrw), won(y.budgetOwnKrw), won(y.cityTotalBudgetKrw), y.dedicatedStaff, y.certifiedEducators,
          y.hasDepartment === null ? null : y.hasDepartment ? '있음' : '없음', y.learningCentres, y.dongLearningCentres, y.informationSystems.length,
        ]),
      },
      {
        title: '위원회',
        columns: ['이름', '종류', '설치일', '활동'],
        rows: record.committees.map((c) => [c.name, committeeKinds.get(c.kind).ko, c.establishedOn, c.active ? '활동 중' : '활동 종료']),
      },
      {
        title: `${data.year}년 위원회 회의`,
        columns: ['회의일', '위원회', '안건', '참석', '의결 사항'],
        rows: record.meetings.map((m) => [m.heldOn, record.committees.find((c) => c.id === m.committeeId)?.name ?? '', m.title, m.attendees, m.decisions.join(' / ')]),
      },
      {
        title: '조례',
        columns: ['조례', '종류', '제정일', '최근 개정일', '폐지일'],
        rows: record.ordinances.map((o) => [o.title, ordinanceKinds.get(o.kind).ko, o.enactedOn, o.lastAmendedOn, o.repealedOn]),
      },
      {
        title: `${data.year}년 직원 연수`,
        columns: ['연수일', '연수', '운영 기관', '시간', '참석'],
        rows: record.trainings.map((t) => [t.heldOn, t.title, t.provider, t.hours, t.participants]),
      },
      {
        title: `${data.year}년 평생학습 행사`,
        columns: ['시작일', '행사', '종류', '장소', '참여'],
        rows: record.events.map((e) => [e.startsOn, e.title, eventKinds.get(e.kind).ko, e.venueName, e.attendance]),
      },
    ],
  };
}

function demandAndSupply(data: AnnualReportData): ReportSection {
  const { gaps } = data;
  const short = gaps.gaps.items.filter((g) => g.gap > 0);
  return {
    title: '4. 주민 수요와 공급',
    paragraphs: [
      `최근 12개월 동안 주민 ${n(gaps.totals.demand, 0)}명이 배우고 싶은 것을 알렸거나(희망 ${gaps.totals.wishes}, 대기 ${gaps.totals.waitlisted}, 결과 없는 검색 ${gaps.totals.searches}), ` +
      `같은 기간 ${n(gaps.totals.seatsOffered, 0)}석을 열었고 지금 신청할 수 있는 자리는 ${n(gaps.totals.seatsOpen, 0)}석입니다.`,
      short.length > 0
        ? `가장 부족한 곳은 ${short.slice(0, 3).map((g) => `${g.dongNameKo ?? '시 전체'}의 ${programAreas.get(g.area).ko}(${targetGroups.get(g.targetGroup).ko}, ${g.gap}명 부족)`).join(', ')}입니다.`
        : '가까운 거리 안에서 수요보다 자리가 부족한 곳은 없습니다.',
    ],
    charts: [{
      title: '분야별 수요와 지금 열린 자리',
      svg: () => barChartSvg(gaps.byArea.map((a) => programAreas.get(a.area).ko), [
        { name: '배우고 싶은 사람', values: gaps.byArea.map((a) => a.demand) },
        { name: '지금 열린 자리', values: gaps.byArea.map((a) => a.seatsOpen) },
      ]),
    }],
    tables: [
      {
        title: '분야별 수요와 공급',
        columns: ['분야', '수요', '희망', '대기', '검색', '연 자리', '열린 자리'],
        rows: gaps.byArea.map((a) => [programAreas.get(a.area).ko, a.demand, a.wishes, a.waitlisted, a.searches, a.seatsOffered, a.seatsOpen]),
      },
      {
        title: '부족한 곳 상위 10',
        columns: ['동', '분야', '대상', '수요', '가까운 빈자리', '부족', '가르쳐 본 가까운 기관'],
        rows: gaps.gaps.items.map((g) => [g.dongNameKo ?? '시 전체', programAreas.get(g.area).ko, targetGroups.get(g.targetGroup).ko, g.demand, g.seatsOpen, g.gap,
          g.suggestions.institutions.map((i) => i.name).join(', ')]),
      },
    ],
  };
}

function access(data: AnnualReportData): ReportSection {
  const { access: a } = data;
  return {
    title: '5. 배움터 접근성',
    paragraphs: [
      `${a.catchmentKm}km 안의 대면 프로그램 자리를 동별로 나눈 결과(2단계 유동 집수역, 2SFCA), 주민 1,000명당 평균 ${n(a.summary.meanAccess)}석입니다. ` +
      `주민 ${percent(a.summary.shareBeyondWalk)}(${n(a.summary.residentsBeyondWalk, 0)}명)는 걸어서 ${a.walkKm}km 안에 배움터가 없습니다.`,
      `동 사이의 불평등을 나타내는 지니 계수는 ${n(a.summary.gini, 3)}(0이면 모두 같음), 타일 지수는 ${n(a.summary.theil, 3)}입니다. ` +
      `닿을 수 있는 배움터 ${a.summary.venuesInReach}곳 가운데 ${a.summary.venuesInReachElsewhere}곳은 이웃 시·군·구에 있습니다.`,
    ],
    charts: [],
    tables: [{
      title: '접근성이 낮은 동 상위 10',
      columns: ['동', '인구', '1,000명당 자리', '가장 가까운 배움터(km)', '걸어서 닿지 않는 주민 비율'],
      rows: a.items.map((d) => [d.nameKo, d.population, round(d.access), round(d.nearestKm), percent(d.beyondWalkShare)]),
    }],
  };
}

function copies(data: AnnualReportData): ReportSection {
  const { copies: c } = data;
  return {
    title: '6. 복제 프로그램',
    paragraphs: c.run ? [
      `다른 기관의 프로그램과 글자 3개 묶음 기준 ${percent(c.threshold)} 이상 같은 프로그램을 복제 프로그램으로 보았습니다. ` +
      `우리 도시 프로그램 ${n(c.city.programs, 0)}개 가운데 ${n(c.city.withCopies, 0)}개(${percent(c.city.ratio)})가 복제 프로그램이고, ` +
      `전국은 ${c.national ? percent(c.national.ratio) : '—'}입니다.`,
    ] : ['복제 프로그램 검사를 아직 하지 않았습니다.'],
    charts: [],
    tables: [{
      title: '분야별 복제 비율',
      columns: ['분야', '프로그램', '복제', '비율'],
      rows: c.byArea.map((a) => [programAreas.get(a.area).ko, a.programs, a.withCopies, percent(a.ratio)]),
    }],
  };
}

function definitions(): ReportSection {
  return {
    title: '부록. 지표 정의',
    paragraphs: ['모든 지표는 플랫폼의 운영 자료와 도시 기록에서 계산했습니다. 인구는 예시용 합성 자료입니다.'],
    charts: [],
    tables: [{
      title: '지표 정의',
      columns: ['지표', '영역', '단위', '계산식', '논문 항목'],
      rows: indicators.entries.map((i) => [i.ko, groupName(i.group), i.unit.ko, i.formula.ko, i.paper ? '예' : '']),
    }],
  };
}

export function reportSections(data: AnnualReportData): ReportSection[] {
  return [summary(data), performance(data), infrastructure(data), demandAndSupply(data), access(data), copies(data), definitions()];
}

