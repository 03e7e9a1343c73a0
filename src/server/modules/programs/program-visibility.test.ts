import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../shared/permissions.ts';
import { programStatuses } from '../../../shared/vocabulary/index.ts';
import { maySeeProgram } from './program-visibility.ts';

const program = { institutionId: 7, cityCode: '31060' };
const grant = (role: Grant['role'], scope: Partial<Grant> = {}): { grants: Grant[] } => ({
  grants: [{ role, cityCode: null, institutionId: null, institutionCityCode: null, provinceCode: null, ...scope }],
});

describe('who may see a program', () => {
  it('shows every program that was ever published to everyone, logged in or not', () => {
    for (const status of programStatuses.codes.filter((s) => s !== 'draft')) {
      expect(maySeeProgram(null, { ...program, status }), status).toBe(true);
      expect(maySeeProgram(grant('resident'), { ...program, status }), status).toBe(true);
    }
  });

  it('shows a draft only to its institution’s staff and to administrators', () => {
    const draft = { ...program, status: 'draft' as const };
    expect(maySeeProgram(grant('institution_staff', { institutionId: 7, institutionCityCode: '31060' }), draft)).toBe(true);
    expect(maySeeProgram(grant('administrator'), draft)).toBe(true);
    expect(maySeeProgram(null, draft)).toBe(false);
    expect(maySeeProgram(grant('resident'), draft)).toBe(false);
    expect(maySeeProgram(grant('institution_staff', { institutionId: 8, institutionCityCode: '31060' }), draft)).toBe(false);
    expect(maySeeProgram(grant('city_officer', { cityCode: '31060' }), draft)).toBe(false);
    expect(maySeeProgram(grant('ministry_officer'), draft)).toBe(false);
  });
});
