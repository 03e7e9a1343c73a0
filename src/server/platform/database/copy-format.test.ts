import { describe, expect, it } from 'vitest';
import { encodeCopyRow, encodeCopyValue } from './copy-format.ts';

describe('COPY text format', () => {
  it('writes NULL as \\N and booleans as t/f', () => {
    expect(encodeCopyValue(null)).toBe('\\N');
    expect(encodeCopyValue(undefined)).toBe('\\N');
    expect(encodeCopyValue(true)).toBe('t');
    expect(encodeCopyValue(false)).toBe('f');
  });

  it('escapes the characters that would break a row', () => {
    expect(encodeCopyValue('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
  });

  it('keeps Korean text as it is', () => {
    expect(encodeCopyValue('시니어 스마트폰 교실')).toBe('시니어 스마트폰 교실');
  });

  it('quotes array elements and escapes quotes inside them', () => {
    expect(encodeCopyValue(['all', 'say "hi"', 'back\\slash'])).toBe('{"all","say \\\\"hi\\\\"","back\\\\\\\\slash"}');
    expect(encodeCopyValue([])).toBe('{}');
    expect(encodeCopyValue([1, null])).toBe('{1,NULL}');
  });

  it('refuses numbers PostgreSQL cannot store', () => {
    expect(() => encodeCopyValue(Number.NaN)).toThrow();
  });

  it('joins a row with tabs and ends it with a newline', () => {
    expect(encodeCopyRow([1, 'x', null])).toBe('1\tx\t\\N\n');
  });
});
