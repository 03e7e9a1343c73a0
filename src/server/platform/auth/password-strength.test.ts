/** Hangul is judged as the keys it takes on the 두벌식 layout; weak patterns typed in Korean are caught. */
import { describe, expect, it } from 'vitest';
import { estimatePasswordStrength, keysPressed, STRONG_ENOUGH } from './password-strength.ts';

describe('keys pressed on the Korean (두벌식) layout', () => {
  it.each([
    ['ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', 'qwertyuiop'],
    ['ㅁㄴㅇㄹ', 'asdf'],
    ['사랑해', 'tkfkdgo'],
    ['비밀번호', 'qlalfqjsgh'],
    // Shifted jamo, compound vowels and finals, and text that is not Hangul.
    ['빨리 왔어요', 'Qkffl dhkTdjdy'],
    ['닭 값 의사', 'ekfr rkqt dmltk'],
    ['Seoul 2024!', 'Seoul 2024!'],
  ])('%s is typed as %s', (hangul, keys) => {
    expect(keysPressed(hangul)).toBe(keys);
  });

  it('composes decomposed Hangul first (NFD from some keyboards and files)', () => {
    expect(keysPressed('사랑해'.normalize('NFD'))).toBe('tkfkdgo');
  });
});

describe('password strength', () => {
  const nobody = { personal: [], site: [] };

  it('finds a keyboard row typed in Hangul as weak as the row itself, and says it was typed in Hangul', async () => {
    const typed = await estimatePasswordStrength('ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ', nobody);
    expect(typed).toMatchObject({ score: (await estimatePasswordStrength('qwertyuiop', nobody)).score, typedInHangul: true });
    expect(typed.score).toBeLessThan(STRONG_ENOUGH);
  });

  it('names personal data as the weakness, also when the name is typed in Hangul', async () => {
    expect(await estimatePasswordStrength('홍길동홍길동1958', { personal: ['홍길동'], site: [] })).toMatchObject({ weakness: 'personal' });
  });

  it('judges only the first keys of a very long password, and never as stronger than its start', async () => {
    const weakStart = `${'a'.repeat(60)}${'Xk#9'.repeat(35)}`;
    expect((await estimatePasswordStrength(weakStart, nobody)).score).toBeLessThan(STRONG_ENOUGH);
  });
});
