/**
 * The arithmetic of every indicator in the registry (src/shared/vocabulary/indicators.ts), from the facts
 * of one city in one year. Pure: the queries gather the facts, this turns them into values.
 */
import type { IndicatorId, OrdinanceKind } from '../../../shared/vocabulary/index.ts';

/** What the platform knows about one city in one year. Null: not recorded (unknown, not zero). */
export interface CityYearFacts {
  population: number;
  dongs: number;
  registeredResidents: number;
  programs: {
    offered: number; institutions: number; seats: number; freeSeats: number; startup: number; commercialisation: number;
    localLeader: number; citizenship: number; underprivileged: number; belonging: number; certificate: number;
  };
  learners: number;
  completed: number;
  finished: number;
  ratings: { count: number; meanOverall: number | null };
  studyGroups: number;
  citizenStudyGroups: number;
  volunteers: number;
  instructors: number;
  events: { count: number; attendance: number };
  committeeMeetings: number;
  ordinanceKindsInForce: readonly OrdinanceKind[];
  trainingPersonHours: number;
  record: {
    budgetNationalKrw: number | null; budgetProvincialKrw: number | null; budgetOwnKrw: number | null; cityTotalBudgetKrw: number | null;
    dedicatedStaff: number | null; certifiedEducators: number | null; hasDepartment: boolean | null; dongLearningCentres: number | null;
    informationSystems: readonly string[] | null; commercialisedPrograms: number | null;
  } | null;
}

export interface IndicatorValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Satisfaction is shown only from this many responses on (as on program pages). */
export const MIN_RATINGS = 5;
/** The three ordinances the paper names (others do not count towards coverage). */
const PAPER_ORDINANCES: readonly OrdinanceKind[] = ['promotion', 'centre', 'lifelong_education'];

function ratio(numerator: number | null, denominator: number | null, scale = 1): IndicatorValue {
  if (numerator === null || denominator === null || denominator === 0) return { value: null, numerator, denominator };
  return { value: (numerator / denominator) * scale, numerator, denominator };
}

function growth(now: number, before: number | undefined): IndicatorValue {
  if (before === undefined || before === 0) return { value: null, numerator: now, denominator: before ?? null };
  return { value: (now / before - 1) * 100, numerator: now, denominator: before };
}

const sumOrNull = (...parts: (number | null)[]) => (parts.every((p) => p === null) ? null : parts.reduce<number>((a, b) => a + (b ?? 0), 0));

/**
 * All indicators of one city-year. `threeYearsEarlier` are the same city's facts three years before (for
 * growth); absent when the platform has no data that far back.
 */
export function computeIndicators(facts: CityYearFacts, threeYearsEarlier?: CityYearFacts): Record<IndicatorId, IndicatorValue> {
  const { population: people, programs: p, record } = facts;
  const budget = record ? sumOrNull(record.budgetNationalKrw, record.budgetProvincialKrw, record.budgetOwnKrw) : null;
  const perCapita = (count: number | null, scale: number) => ratio(count, people, scale);
  return {
    facilities_per_10k: perCapita(p.institutions, 10_000),
    programs_per_10k: perCapita(p.offered, 10_000),
    study_groups_per_10k: perCapita(facts.studyGroups, 10_000),
    programs_growth_3y: growth(p.offered, threeYearsEarlier?.programs.offered),
    study_groups_growth_3y: growth(facts.studyGroups, threeYearsEarlier?.studyGroups),
    participation_rate: ratio(facts.learners, facts.registeredResidents, 100),
    completion_rate: ratio(facts.completed, facts.finished, 100),
    satisfaction: facts.ratings.count >= MIN_RATINGS && facts.ratings.meanOverall !== null
      ? { value: facts.ratings.meanOverall, numerator: facts.ratings.meanOverall * facts.ratings.count, denominator: facts.ratings.count }
      : { value: null, numerator: null, denominator: facts.ratings.count },
    startup_programs_per_100k: perCapita(p.startup, 100_000),
    commercialisation_programs_per_100k: perCapita(p.commercialisation, 100_000),
    commercialised_programs: { value: record?.commercialisedPrograms ?? null, numerator: record?.commercialisedPrograms ?? null, denominator: null },
    certificate_programs_per_100k: perCapita(p.certificate, 100_000),
    local_leader_programs_per_100k: perCapita(p.localLeader, 100_000),
    volunteers_per_10k: perCapita(facts.volunteers, 10_000),
    voluntary_organisations_per_100k: perCapita(facts.citizenStudyGroups, 100_000),
    community_instructors_per_10k: perCapita(facts.instructors, 10_000),
    citizenship_programs_per_100k: perCapita(p.citizenship, 100_000),
    underprivileged_programs_per_100k: perCapita(p.underprivileged, 100_000),
    belonging_programs_per_100k: perCapita(p.belonging, 100_000),
    free_seat_share: ratio(p.freeSeats, p.seats, 100),
    budget_per_resident: ratio(budget, people),
    budget_share: ratio(budget, record?.cityTotalBudgetKrw ?? null, 100),
    own_budget_share: ratio(record?.budgetOwnKrw ?? null, budget, 100),
    staff_per_100k: perCapita(record?.dedicatedStaff ?? null, 100_000),
    educators_per_100k: perCapita(record?.certifiedEducators ?? null, 100_000),
    training_hours_per_staff: ratio(record ? facts.trainingPersonHours : null, record?.dedicatedStaff ?? null),
    dedicated_department: {
      value: record?.hasDepartment === null || record === null ? null : record.hasDepartment ? 100 : 0, numerator: null, denominator: null,
    },
    dong_centre_coverage: (() => {
      const coverage = ratio(record?.dongLearningCentres ?? null, facts.dongs, 100);
      return { ...coverage, value: coverage.value === null ? null : Math.min(100, coverage.value) };
    })(),
    committee_meetings: { value: facts.committeeMeetings, numerator: facts.committeeMeetings, denominator: null },
    learning_events: { value: facts.events.count, numerator: facts.events.count, denominator: null },
    event_attendance_per_1k: perCapita(facts.events.attendance, 1_000),
    ordinances_in_force: (() => {
      const kinds = PAPER_ORDINANCES.filter((k) => facts.ordinanceKindsInForce.includes(k)).length;
      return { value: kinds, numerator: kinds, denominator: PAPER_ORDINANCES.length };
    })(),
    information_systems: {
      value: record?.informationSystems ? record.informationSystems.length : null, numerator: record?.informationSystems?.length ?? null, denominator: 6,
    },
  };
}
