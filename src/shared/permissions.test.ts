import { describe, expect, it } from 'vitest';
import { can, mayEver, type Grant } from './permissions.ts';

const officerOf = (cityCode: string): Grant => ({ role: 'city_officer', cityCode, institutionId: null, institutionCityCode: null });
const staffOf = (institutionId: number, cityCode: string): Grant => ({ role: 'institution_staff', cityCode: null, institutionId, institutionCityCode: cityCode });
const ministry: Grant = { role: 'ministry_officer', cityCode: null, institutionId: null, institutionCityCode: null };

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
});
