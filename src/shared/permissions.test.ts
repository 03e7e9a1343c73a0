import { describe, expect, it } from 'vitest';
import { can, mayEver, type Grant, type Permission } from './permissions.ts';

const unbound = { cityCode: null, institutionId: null, institutionCityCode: null, provinceCode: null };
const officerOf = (cityCode: string): Grant => ({ ...unbound, role: 'city_officer', cityCode });
const staffOf = (institutionId: number, cityCode: string, role: Grant['role'] = 'institution_staff'): Grant => ({ ...unbound, role, institutionId, institutionCityCode: cityCode });
const provinceOfficerOf = (provinceCode: string): Grant => ({ ...unbound, role: 'province_officer', provinceCode });
const ministry: Grant = { ...unbound, role: 'ministry_officer' };
const reviewer: Grant = { ...unbound, role: 'reviewer' };

describe('the permission matrix', () => {
  it('lets a city officer act for their own city only', () => {
    expect(can([officerOf('31060')], 'city.profile.update', { cityCode: '31060' })).toBe(true);
    expect(can([officerOf('31060')], 'city.profile.update', { cityCode: '36030' })).toBe(false);
  });

  it('lets staff edit their own institution, and officers the institutions of their city', () => {
    expect(can([staffOf(7, '31060')], 'institution.update', { institutionId: 7, cityCode: '31060' })).toBe(true);
    expect(can([staffOf(7, '31060')], 'institution.update', { institutionId: 8, cityCode: '31060' })).toBe(false);
    expect(can([officerOf('31060')], 'institution.update', { institutionId: 8, cityCode: '31060' })).toBe(true);
    expect(can([officerOf('31060')], 'institution.update', { institutionId: 9, cityCode: '36030' })).toBe(false);
  });

  it('gives residents (no grants) no staff permission', () => {
    expect(can([], 'city.profile.update', { cityCode: '31060' })).toBe(false);
    expect(mayEver([], 'people.list')).toBe(false);
  });

  it('lets the ministry record designations anywhere but not administer people', () => {
    expect(can([ministry], 'designation.record', { cityCode: '36030' })).toBe(true);
    expect(can([ministry], 'people.list')).toBe(false);
  });

  it('lets a province officer endorse the applications of its own municipalities only', () => {
    expect(can([provinceOfficerOf('31')], 'designation.application.endorse', { cityCode: '31060' })).toBe(true);
    expect(can([provinceOfficerOf('31')], 'designation.application.endorse', { cityCode: '36030' })).toBe(false);
    expect(can([provinceOfficerOf('31')], 'designation.application.edit', { cityCode: '31060' })).toBe(false);
    expect(can([officerOf('31060')], 'designation.application.endorse', { cityCode: '31060' })).toBe(false);
  });

  it('lets a reviewer score only what they are assigned, and never decide', () => {
    expect(can([reviewer], 'designation.review.score', { cityCode: '31060', assigned: true })).toBe(true);
    expect(can([reviewer], 'designation.review.score', { cityCode: '31060', assigned: false })).toBe(false);
    expect(can([reviewer], 'designation.review.score', { cityCode: '31060' })).toBe(false);
    expect(can([reviewer], 'designation.decide', { cityCode: '31060', assigned: true })).toBe(false);
    // An assignment says nothing to roles that are not bound to assignments.
    expect(can([officerOf('36030')], 'designation.application.view', { cityCode: '31060', assigned: true })).toBe(false);
  });

  it("gives an institution's roles their rights there only: managers manage colleagues, staff run programs, instructors look", () => {
    const at = { institutionId: 7, cityCode: '31060' };
    const [manager, staff, instructor] = (['institution_manager', 'institution_staff', 'institution_instructor'] as const).map((role) => staffOf(7, '31060', role));
    expect(['program.create', 'program.manage', 'institution.update', 'institution.colleagues.view', 'institution.colleagues.manage']
      .map((p) => [p, can([manager!], p as Permission, at), can([staff!], p as Permission, at), can([instructor!], p as Permission, at)]))
      .toEqual([
        ['program.create', true, true, false],
        ['program.manage', true, true, false],
        ['institution.update', true, true, false],
        ['institution.colleagues.view', true, true, true],
        ['institution.colleagues.manage', true, false, false],
      ]);
    expect(can([manager!], 'institution.colleagues.manage', { institutionId: 8, cityCode: '31060' })).toBe(false);
    expect(can([officerOf('31060')], 'institution.colleagues.view', at)).toBe(false);
  });

  it('lets a city see and write its own evaluation, an assigned reviewer see it, and the ministry run the round but not write for the city', () => {
    expect(can([officerOf('31060')], 'evaluation.city.view', { cityCode: '31060' })).toBe(true);
    expect(can([officerOf('31060')], 'evaluation.city.view', { cityCode: '36030' })).toBe(false);
    expect(can([officerOf('31060')], 'evaluation.city.submit', { cityCode: '31060' })).toBe(true);
    expect(can([officerOf('31060')], 'evaluation.round.manage')).toBe(false);
    expect(can([reviewer], 'evaluation.city.view', { cityCode: '31060', assigned: false })).toBe(false);
    expect(can([reviewer], 'evaluation.city.view', { cityCode: '31060', assigned: true })).toBe(true);
    expect(can([reviewer], 'evaluation.city.submit', { cityCode: '31060', assigned: true })).toBe(false);
    expect(can([ministry], 'evaluation.round.manage')).toBe(true);
    expect(can([ministry], 'evaluation.frame.manage')).toBe(true);
    expect(can([ministry], 'evaluation.city.submit', { cityCode: '31060' })).toBe(false);
    expect(can([provinceOfficerOf('31')], 'evaluation.city.view', { cityCode: '31060' })).toBe(false);
  });
});
