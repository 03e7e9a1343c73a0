import { describe, expect, it } from 'vitest';
import { chosungOf, containsHangul, isChosungQuery } from './hangul.ts';

describe('Hangul initial consonants (초성)', () => {
  it('takes the initial consonant of every syllable and keeps everything else', () => {
    expect(chosungOf('스마트폰 활용 교실')).toBe('ㅅㅁㅌㅍ ㅎㅇ ㄱㅅ');
    expect(chosungOf('가힣')).toBe('ㄱㅎ');
    expect(chosungOf('ITQ 엑셀 2급')).toBe('ITQ ㅇㅅ 2ㄱ');
    expect(chosungOf('까치')).toBe('ㄲㅊ');
  });

  it('recognises a query typed in initial consonants only', () => {
    expect(isChosungQuery('ㅅㅁㅌㅍ')).toBe(true);
    expect(isChosungQuery('ㅎㄱ ㅁㅎ')).toBe(true);
    expect(isChosungQuery('ㅅ')).toBe(false);
    expect(isChosungQuery('스마트폰')).toBe(false);
    expect(isChosungQuery('ㅅㅁ트폰')).toBe(false);
  });

  it('tells Korean text from other text', () => {
    expect(containsHangul('smartphone')).toBe(false);
    expect(containsHangul('요가')).toBe(true);
  });
});
