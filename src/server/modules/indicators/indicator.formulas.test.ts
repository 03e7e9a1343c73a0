import { describe, expect, it } from 'vitest';
import { indicators, type IndicatorId } from '../../../shared/vocabulary/index.ts';
import { computeIndicators, type CityYearFacts } from './indicator.formulas.ts';

/** A city of 250,000 people in 20 dongs, with round numbers so each value can be checked by hand. */
const facts: CityYearFacts = {
  population: 250_000,
  dongs: 20,
  registeredResidents: 8_000,
  programs: {
    offered: 500, institutions: 40, seats: 10_000, freeSeats: 4_000, startup: 10, commercialisation: 5, localLeader: 8,
    citizenship: 30, underprivileged: 25, belonging: 12, certificate: 20,
  },
  learners: 2_000,
  completed: 1_700,
  finished: 2_000,
  ratings: { count: 40, meanOverall: 4.25 },
  studyGroups: 50,
  citizenStudyGroups: 5,
  volunteers: 100,
  instructors: 25,
  events: { count: 4, attendance: 5_000 },
  committeeMeetings: 3,
  ordinanceKindsInForce: ['promotion', 'lifelong_education', 'other'],
  trainingPersonHours: 240,
  record: {
    budgetNationalKrw: 80_000_000, budgetProvincialKrw: 120_000_000, budgetOwnKrw: 1_800_000_000, cityTotalBudgetKrw: 800_000_000_000,
    dedicatedStaff: 12, certifiedEducators: 5, hasDepartment: true, dongLearningCentres: 8,
    informationSystems: ['portal', 'online_courses', 'registration'], commercialisedPrograms: 2,
  },
};

const threeYearsEarlier: CityYearFacts = { ...facts, programs: { ...facts.programs, offered: 400 }, studyGroups: 40 };

const expected: Record<IndicatorId, number | null> = {
  facilities_per_10k: 1.6, // 40 / 250,000 × 10,000
  programs_per_10k: 20, // 500 / 250,000 × 10,000
  study_groups_per_10k: 2, // 50 / 250,000 × 10,000
  programs_growth_3y: 25, // 500 / 400 − 1
  study_groups_growth_3y: 25, // 50 / 40 − 1
  participation_rate: 25, // 2,000 / 8,000
  completion_rate: 85, // 1,700 / 2,000
  satisfaction: 4.25,
  startup_programs_per_100k: 4, // 10 / 250,000 × 100,000
  commercialisation_programs_per_100k: 2,
  commercialised_programs: 2,
  certificate_programs_per_100k: 8,
  local_leader_programs_per_100k: 3.2,
  volunteers_per_10k: 4,
  voluntary_organisations_per_100k: 2,
  community_instructors_per_10k: 1,
  citizenship_programs_per_100k: 12,
  underprivileged_programs_per_100k: 10,
  belonging_programs_per_100k: 4.8,
  free_seat_share: 40, // 4,000 / 10,000
  budget_per_resident: 8_000, // ₩2bn / 250,000
  budget_share: 0.25, // ₩2bn / ₩800bn
  own_budget_share: 90, // ₩1.8bn / ₩2bn
  staff_per_100k: 4.8, // 12 / 250,000 × 100,000
  educators_per_100k: 2,
  training_hours_per_staff: 20, // 240 person-hours / 12 staff
  dedicated_department: 100,
  dong_centre_coverage: 40, // 8 / 20
  committee_meetings: 3,
  learning_events: 4,
  event_attendance_per_1k: 20, // 5,000 / 250,000 × 1,000
  ordinances_in_force: 2, // promotion + lifelong education; 'other' does not count
  information_systems: 3,
};

describe('indicator formulas', () => {
  const values = computeIndicators(facts, threeYearsEarlier);

  it('has a formula for every indicator in the registry, and only those', () => {
    expect(Object.keys(values).sort()).toEqual([...indicators.codes].sort());
  });

  it.each(indicators.codes.map((id) => [id]))('computes %s as worked out by hand', (id) => {
    const want = expected[id];
    if (want === null) expect(values[id].value).toBeNull();
    else expect(values[id].value).toBeCloseTo(want, 6);
  });

  it('leaves a value empty when its data is missing, rather than calling it zero', () => {
    const unrecorded = computeIndicators({ ...facts, record: null, ratings: { count: 4, meanOverall: 5 } });
    expect(unrecorded.budget_per_resident.value).toBeNull();
    expect(unrecorded.staff_per_100k.value).toBeNull();
    expect(unrecorded.dedicated_department.value).toBeNull();
    expect(unrecorded.information_systems.value).toBeNull();
    expect(unrecorded.training_hours_per_staff.value).toBeNull();
    // Fewer than five ratings: not shown, as on program pages.
    expect(unrecorded.satisfaction.value).toBeNull();
    // No data three years back: no growth figure.
    expect(unrecorded.programs_growth_3y.value).toBeNull();
  });

  it('caps neighbourhood centre coverage at 100%', () => {
    const many = computeIndicators({ ...facts, record: { ...facts.record!, dongLearningCentres: 30 } });
    expect(many.dong_centre_coverage.value).toBe(100);
  });
});
