import { describe, expect, it } from 'vitest';
import { currentKscoVersion, kscoVersions, majorGroups, occupationGroup, occupationGroups, occupationMatches } from './occupations.ts';

describe('the KSCO occupation vocabulary', () => {
  it('has each code once per revision', () => {
    const keys = occupationGroups.map((g) => `${g.version}:${g.code}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every sub-major group a major group of the same revision that exists', () => {
    for (const group of occupationGroups.filter((g) => g.parent !== null)) {
      expect(occupationGroup(group.version, group.parent!), group.code).toMatchObject({ parent: null });
      expect(group.code.startsWith(group.parent!)).toBe(true);
    }
  });

  it('holds the 7th revision’s shape: 10 major and 52 sub-major groups, named in Korean and English', () => {
    const seventh = occupationGroups.filter((g) => g.version === 'ksco-7');
    expect(majorGroups('ksco-7').map((g) => g.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'A']);
    expect(seventh.filter((g) => g.parent !== null)).toHaveLength(52);
    for (const group of seventh) expect(group.ko.trim() && group.en.trim()).toBeTruthy();
  });

  it('makes new tags under a revision it lists', () => {
    expect(kscoVersions.map((v) => v.code)).toContain(currentKscoVersion);
    expect(occupationGroup(currentKscoVersion, '22')?.ko).toBe('정보 통신 전문가 및 기술직');
    expect(occupationGroup('ksco-6', '22')).toBeUndefined();
  });

  it('is found by everyday words and by names written without their spaces', () => {
    const found = (search: string) => occupationGroups.filter((g) => g.parent !== null && occupationMatches(g, search)).map((g) => g.code);
    expect(found('바리스타')).toEqual(['44']);
    expect(found('요양보호사')).toEqual(['42']);
    expect(found('제빵')).toEqual(['71']);
    expect(found('지게차 운전')).toEqual(['87']);
    expect(found('정보통신')).toEqual(['22', '77']);
    expect(found('조리')).toEqual(['44']);
    expect(found('44')).toEqual(['44']);
    expect(found('없는 직업')).toEqual([]);
  });
});
