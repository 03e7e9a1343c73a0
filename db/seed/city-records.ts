/**
 * Each learning city's record for the demo: a yearly budget, staff and organisation that grow after
 * designation and depend on the mayor's will (the paper); committees with members and meetings;
 * ordinances enacted around designation; staff training. Synthetic, deterministic, plausible in size:
 * budgets scale with population (municipal budgets of ₩2–3.5M per resident, 0.15–0.9% of it for lifelong
 * learning, national grants of ₩50–80M).
 */
import type { CopyValue } from '../../src/server/platform/database/copy-format.ts';
import type { Random } from '../../src/shared/lib/random.ts';
import type { CommitteeKind, InformationSystem, MemberSector } from '../../src/shared/vocabulary/index.ts';
import { cityDepartments } from './catalogue.ts';
import { personName } from './compose.ts';

export interface RecordCity {
  code: string;
  nameKo: string;
  provinceShortKo: string;
  population: number;
  dongs: number;
  designatedYear: number;
}

export interface RecordIds {
  committee: number;
}

type Add = (table: string, row: CopyValue[]) => void;

const round = (value: number, unit: number) => Math.round(value / unit) * unit;
const on = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const meetingAgendas = [
  '{year}년 평생학습 추진 계획 심의', '{year} 평생학습축제 운영 계획', '행복학습센터 신규 지정 심의', '{next}년 평생교육 예산 편성 의견',
  '{year}년 평생학습도시 성과 보고', '평생학습 프로그램 공모 사업 선정', '주민 학습 수요 조사 결과 보고', '평생교육 이용권 운영 개선',
];
const decisionPhrases = [
  '원안대로 의결함', '행복학습센터 {n}곳을 추가로 지정함', '소외계층 프로그램 수강료 감면을 확대하기로 함', '학습동아리 활동비 지원 기준을 정함',
  '평생학습축제 일정과 장소를 확정함', '읍·면·동 학습 수요 조사를 실시하기로 함', '주민 강사 양성 과정을 신설하기로 함',
];
const memberAffiliations: Record<MemberSector, readonly string[]> = {
  public_official: ['{city} 부시장', '{city} 평생학습과장', '교육지원청 교육장'],
  expert: ['한국방송통신대학교 교수', '지역 대학 평생교육학과 교수', '평생교육사협회 지부장'],
  institution: ['{city} 평생학습관장', '지역 도서관장', '종합사회복지관장', '여성회관장'],
  resident: ['주민자치회 위원', '학습동아리 연합회 대표', '행복학습매니저'],
  council_member: ['{city}의회 의원'],
};
const trainingTitles = ['평생교육사 역량 강화 연수', '평생학습도시 담당자 워크숍', '평생교육 프로그램 기획 실무', '학습 성과 평가와 데이터 분석', '평생학습 네트워크 운영 사례 연수'];
const systemOrder: readonly InformationSystem[] = ['portal', 'registration', 'online_courses', 'learning_account', 'mobile_app', 'open_data'];

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));

/** Writes one city's record for the years from its designation (at most `fromYear`) to `toYear`. */
export function cityRecordRows(r: Random, city: RecordCity, fromYear: number, toYear: number, ids: RecordIds, add: Add): void {
  // How much the mayor backs lifelong learning: budget share, staff and systems follow it.
  const will = r.between(0.5, 1.5);
  const first = Math.max(fromYear, city.designatedYear);
  const departmentFrom = r.chance(Math.min(0.9, 0.55 * will)) ? r.int(city.designatedYear, toYear + 2) : Infinity;
  const department = r.pick(cityDepartments);
  let systems = 1 + Math.floor(r.between(0, 2.5 * will));
  for (let year = first; year <= toYear; year++) {
    const age = year - city.designatedYear;
    const total = round(city.population * r.between(2.2e6, 3.5e6) * 1.04 ** (year - toYear), 1e8);
    const lifelong = total * r.between(0.0015, 0.0045) * will * Math.min(1.3, 0.9 + age * 0.02);
    const national = round(r.pick([50e6, 60e6, 80e6]) * (r.chance(0.6) ? 1 : 0), 1e6);
    const provincial = round(lifelong * r.between(0.04, 0.15), 1e6);
    const own = round(Math.max(lifelong - national - provincial, 50e6), 1e6);
    const staff = Math.max(2, Math.round((2 + city.population / 70_000) * will * r.between(0.9, 1.1)));
    const coverage = Math.min(1, (0.15 + 0.05 * Math.min(age, 12)) * will * r.between(0.9, 1.1));
    if (year > first && r.chance(0.3)) systems = Math.min(systemOrder.length, systems + 1);
    add('city_years', [
      city.code, year, national, provincial, own, total, staff, Math.max(1, Math.round(staff * r.between(0.3, 0.8))),
      year >= departmentFrom, year >= departmentFrom ? department : '', city.population > 400_000 ? 2 : 1,
      Math.round(city.dongs * coverage), systemOrder.slice(0, systems), null, r.chance(0.35 * will) ? r.int(1, 3) : 0, '',
    ]);
    const trainings = r.int(1, 4);
    for (let n = 0; n < trainings; n++) {
      add('staff_trainings', [
        city.code, on(year, r.int(2, 11), r.int(1, 28)), r.pick(trainingTitles), r.pick(['국가평생교육진흥원', `${city.provinceShortKo}평생교육진흥원`, '한국평생교육사협회']),
        r.pick([4, 7, 14, 21]), r.int(2, Math.max(2, staff)),
      ]);
    }
  }

  // The council every 시·군·구 must have, and often a promotion committee.
  const kinds: CommitteeKind[] = ['council', ...(r.chance(0.6) ? ['promotion_committee' as const] : [])];
  for (const kind of kinds) {
    const id = ++ids.committee;
    const name = `${city.nameKo} ${kind === 'council' ? '평생교육협의회' : '평생교육진흥위원회'}`;
    add('committees', [id, city.code, kind, name, on(city.designatedYear, r.int(1, 6), r.int(1, 28)),
      `${city.nameKo}의 평생교육 계획과 사업을 심의하고 주민과 전문가의 의견을 모읍니다.`, true]);
    const sectors: [MemberSector, number][] = [['public_official', 3], ['expert', 4], ['institution', 4], ['resident', 4], ['council_member', 1]];
    const size = r.int(10, 18);
    for (let m = 0; m < size; m++) {
      const sector = m === 0 ? 'public_official' : r.weighted(sectors);
      add('committee_members', [
        id, city.code, personName(r).ko, fill(r.pick(memberAffiliations[sector]), { city: city.nameKo }), sector,
        m === 0 ? 'chair' : m === 1 ? 'vice_chair' : 'member', on(Math.max(first - 1, toYear - r.int(0, 4)), r.int(1, 12), r.int(1, 28)), null,
      ]);
    }
    for (let year = first; year <= toYear; year++) {
      const meetings = kind === 'council' ? r.int(2, 4) : r.int(1, 2);
      const months = r.sample([2, 3, 4, 6, 7, 9, 10, 11, 12], meetings).sort((a, b) => a - b);
      for (const month of months) {
        const agenda = fill(r.pick(meetingAgendas), { year, next: year + 1 });
        const decisions = r.sample(decisionPhrases, r.int(1, 3)).map((d) => fill(d, { n: r.int(1, 4) }));
        const heldOn = on(year, month, r.int(1, 28));
        add('committee_meetings', [
          id, city.code, heldOn, agenda, Math.round(size * r.between(0.6, 0.95)),
          `${agenda}에 관하여 담당 부서의 보고를 듣고 위원들이 의견을 나누었다. 주요 의견: 읍·면·동 단위 학습 기회 확대, 소외계층 참여 지원.`,
          // The record's meetings are published on the council page the evening they were held (decision 030).
          decisions, `${heldOn} 18:00:00+09`,
        ]);
      }
    }
  }

  // Ordinances enacted around designation; some amended since.
  const ordinances: [string, string, number][] = [
    ['promotion', `${city.nameKo} 평생학습도시 조성 및 운영 조례`, 0.95],
    ['centre', `${city.nameKo} 평생학습관 설치 및 운영 조례`, 0.7],
    ['lifelong_education', `${city.nameKo} 평생교육 진흥 조례`, 0.8],
  ];
  for (const [kind, title, chance] of ordinances) {
    if (!r.chance(chance * Math.min(1.2, will + 0.2))) continue;
    const enacted = on(Math.min(toYear, city.designatedYear + r.int(-1, 2)), r.int(1, 12), r.int(1, 28));
    const amended = r.chance(0.6) ? on(Math.min(toYear, city.designatedYear + r.int(3, 15)), r.int(1, 12), r.int(1, 28)) : null;
    add('ordinances', [city.code, kind, title, enacted, amended && amended > enacted ? amended : null, null, null]);
  }
}
