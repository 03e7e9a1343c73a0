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

/**
 * The topic particle that follows a word: 은 after a final consonant (평생학습관은), 는 after a vowel
 * (도서관은 / 센터는). A word not ending in Hangul (digits, Latin letters) takes 은(는), as Korean
 * forms print it when they cannot tell.
 */
export function withTopicParticle(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last < 0xac00 || last > 0xd7a3) return `${word}은(는)`;
  return `${word}${(last - 0xac00) % 28 === 0 ? '는' : '은'}`;
}
