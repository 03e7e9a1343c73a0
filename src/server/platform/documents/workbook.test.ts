/** Sheet names Excel accepts, told apart from each other the way Excel compares them. */
import { describe, expect, it } from 'vitest';
import { sheetName } from './workbook.ts';

describe('sheet names', () => {
  it('keeps a plain title, and makes others into a name Excel opens', () => {
    expect(sheetName('지표 · 삶의 질')).toBe('지표 · 삶의 질');
    expect(sheetName("'따옴표'")).toBe('따옴표');
    expect(sheetName('a/b\\c?d*e[f]g:h\u0007i')).toBe('a b c d e f g h i');
    expect(sheetName('  \n ')).toBe('표');
    expect(sheetName('history')).toBe('history 표');
    expect(sheetName(`${'가'.repeat(30)}😀`)).toBe('가'.repeat(30));
    expect(sheetName('깨진 \ud800 글자')).toBe('깨진 \ufffd 글자');
  });

  it('numbers a name already taken, compared without case, within 31 characters', () => {
    const taken = new Set<string>();
    expect(sheetName('Sheet', taken)).toBe('Sheet');
    expect(sheetName('SHEET', taken)).toBe('SHEET 2');
    expect(sheetName('sheet', taken)).toBe('sheet 3');
    const long = '나'.repeat(40);
    expect(sheetName(long, taken)).toBe('나'.repeat(31));
    expect(sheetName(long, taken)).toBe(`${'나'.repeat(29)} 2`);
  });
});
