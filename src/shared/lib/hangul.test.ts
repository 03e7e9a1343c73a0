import { describe, expect, it } from 'vitest';
import { chosungOf, containsHangul, isChosungQuery, withObjectParticle, withTopicParticle } from './hangul.ts';

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

describe('the topic particle', () => {
  it('follows the final sound of the word', () => {
    expect(withTopicParticle('광명시 평생학습관')).toBe('광명시 평생학습관은');
    expect(withTopicParticle('철산도서관 분관')).toBe('철산도서관 분관은');
    expect(withTopicParticle('하안 주민센터')).toBe('하안 주민센터는');
    expect(withTopicParticle('YWCA')).toBe('YWCA은(는)');
    expect(withTopicParticle('수강료 (원)')).toBe('수강료 (원)는');
    expect(withObjectParticle('이메일')).toBe('이메일을');
    expect(withObjectParticle('비밀번호')).toBe('비밀번호를');
    expect(withObjectParticle('거리 (km)')).toBe('거리 (km)를');
  });
});
