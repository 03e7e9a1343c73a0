/**
 * Hangul helpers. 초성 (initial consonants): each syllable 가–힣 is (initial × 21 + medial) × 28 + final
 * from U+AC00, so its initial is ⌊(code − 0xAC00) / 588⌋ among 19 consonants. Typing ㅅㅁㅌㅍ finds 스마트폰.
 * The database computes the same with the SQL function chosung() (db/migrations), for indexing.
 */
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const FIRST = 0xac00;
const LAST = 0xd7a3;

export function chosungOf(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    out += code >= FIRST && code <= LAST ? INITIALS[Math.floor((code - FIRST) / 588)] : char;
  }
  return out;
}

/** A query made only of initial consonants (and spaces), like ㅅㅁㅌㅍ or ㅎㄱ ㅁㅎ. */
export function isChosungQuery(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return compact.length >= 2 && [...compact].every((char) => INITIALS.includes(char));
}

export function containsHangul(text: string): boolean {
  return /[가-힣ㄱ-ㅎㅏ-ㅣ]/.test(text);
}
