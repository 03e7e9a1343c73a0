import { describe, expect, it } from 'vitest';
import { normalisedMobilePhone } from './phone.ts';

describe('a mobile phone number', () => {
  it('is kept as 010-1234-5678 however it was typed', () => {
    for (const typed of ['010-1234-5678', '01012345678', '010 1234 5678', ' 010-12345678 ', '+82 10-1234-5678', '+821012345678']) {
      expect(normalisedMobilePhone(typed), typed).toBe('010-1234-5678');
    }
  });

  it('is refused when it is not a Korean mobile number', () => {
    for (const typed of ['02-123-4567', '011-123-4567', '010-123-4567', '010-1234-56789', '010--1234-5678', '0101234567a', '', '+82 2-123-4567']) {
      expect(normalisedMobilePhone(typed), typed).toBeNull();
    }
  });
});
