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
 * A particle after a word: the first form after a final consonant (평생학습관은, 이메일을), the second after a vowel
 * (센터는, 비밀번호를). A trailing note in brackets is not read (수강료 (원)은 follows 수강료); a word not ending in
 * Hangul (digits, Latin letters) takes both forms, as Korean forms print it when they cannot tell (PDF은(는)).
 */
function withParticle(word: string, [afterConsonant, afterVowel]: readonly [string, string]): string {
  const read = word.replace(/\s*\([^)]*\)$/, '');
  const last = read.charCodeAt(read.length - 1);
  if (last < FIRST || last > LAST) return `${word}${afterConsonant}(${afterVowel})`;
  return `${word}${(last - FIRST) % 28 === 0 ? afterVowel : afterConsonant}`;
}

/** The topic particle that follows a word: 평생학습관은, 센터는. */
export const withTopicParticle = (word: string) => withParticle(word, ['은', '는']);
/** The object particle that follows a word: 이메일을, 비밀번호를. */
export const withObjectParticle = (word: string) => withParticle(word, ['을', '를']);
