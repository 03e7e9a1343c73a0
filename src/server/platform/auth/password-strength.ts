/**
 * How guessable a new password is, estimated by zxcvbn-ts (common passwords, words and names, keyboard walks,
 * repeats, sequences, dates, l33t) on the keys pressed rather than the characters: a Korean typing ㅂㅈㄷㄱ on
 * the 두벌식 layout has pressed q-w-e-r, and a cracker tries it as such, so Hangul is first turned into its
 * keys. Korean words common in passwords are added, both as typed in Hangul and romanised.
 *
 * The dictionaries (about 2.5 MB of JavaScript, 60 MB in memory, 0.5–1 s to build on a busy 2-core machine)
 * load on the first estimate, not at start.
 */

/**
 * zxcvbn's score 3, "safely unguessable": at least 10^8 guesses, hopeless online behind the login locks and about
 * three hours at zxcvbn's 10^4 slow-hash guesses a second if the hashes leaked (score 2, 10^6, is two minutes).
 * Score 4 would also refuse sound choices such as `sunset bicycle` or `orange-tractor`.
 */
export const STRONG_ENOUGH = 3;

/**
 * Only the first 32 keys are estimated, with at most two l33t substitutions: the estimate's cost grows with the
 * square of the length and with the substitutions tried (zxcvbn's defaults, 256 keys and 100, took 2.5 s on a
 * 200-key password of l33t characters; these bounds keep the worst we found near 30 ms on a busy 2-core machine,
 * measured in the report of issue 8). Beyond 32 keys a password that was not already weak is strong, and a cut
 * can only lower the estimate, never accept a weak password. Four-word phrases fit (노을 자전거 라면 창문: 26 keys).
 */
const KEYS_ESTIMATED = 32;
const L33T_SUBSTITUTIONS = 2;

export type Weakness = 'personal' | 'common' | 'keyboard' | 'repeat' | 'sequence' | 'dates' | 'short';

export interface PasswordStrength {
  /** zxcvbn's 0 (guessed at once) … 4 (very hard). */
  score: 0 | 1 | 2 | 3 | 4;
  /** What makes it weak, for the advice; null when it is strong enough. */
  weakness: Weakness | null;
  /** Whether some of it was typed in Hangul (and judged as the keys it takes). */
  typedInHangul: boolean;
}

// The 두벌식 layout: each jamo and the key(s) that type it (upper case: with Shift).
const KEYS: Record<string, string> = {
  ㅂ: 'q', ㅈ: 'w', ㄷ: 'e', ㄱ: 'r', ㅅ: 't', ㅛ: 'y', ㅕ: 'u', ㅑ: 'i', ㅐ: 'o', ㅔ: 'p',
  ㅁ: 'a', ㄴ: 's', ㅇ: 'd', ㄹ: 'f', ㅎ: 'g', ㅗ: 'h', ㅓ: 'j', ㅏ: 'k', ㅣ: 'l',
  ㅋ: 'z', ㅌ: 'x', ㅊ: 'c', ㅍ: 'v', ㅠ: 'b', ㅜ: 'n', ㅡ: 'm',
  ㅃ: 'Q', ㅉ: 'W', ㄸ: 'E', ㄲ: 'R', ㅆ: 'T', ㅒ: 'O', ㅖ: 'P',
  ㅘ: 'hk', ㅙ: 'ho', ㅚ: 'hl', ㅝ: 'nj', ㅞ: 'np', ㅟ: 'nl', ㅢ: 'ml',
  ㄳ: 'rt', ㄵ: 'sw', ㄶ: 'sg', ㄺ: 'fr', ㄻ: 'fa', ㄼ: 'fq', ㄽ: 'ft', ㄾ: 'fx', ㄿ: 'fv', ㅀ: 'fg', ㅄ: 'qt',
};
// A syllable is initial × 588 + medial × 28 + final, from U+AC00 (Unicode's composition of Hangul).
const INITIALS = [...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'];
const MEDIALS = [...'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ'];
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];

/** The keys pressed on the 두벌식 layout to type `text` (`사랑해` → `tkfkdgo`); other characters stay as they are. */
export function keysPressed(text: string): string {
  let keys = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if (code >= 0xac00 && code <= 0xd7a3) {
      const index = code - 0xac00;
      keys += KEYS[INITIALS[Math.floor(index / 588)]!]! + KEYS[MEDIALS[Math.floor((index % 588) / 28)]!]! + (KEYS[FINALS[index % 28]!] ?? '');
    } else {
      keys += KEYS[char] ?? char;
    }
  }
  return keys;
}

/**
 * Korean words and numbers common in passwords, chosen by hand (words of affection, greetings, family, the
 * country, the site's own sign-up words, example names), roughly most common first. Hangul entries are matched as the keys they take, which also catches the same word
 * typed with the Korean layout switched off (비밀번호 → qlalfqjsgh).
 */
const KOREAN_COMMON = [
  '사랑', '사랑해', '사랑해요', '비밀번호', '비밀', '암호', '안녕', '안녕하세요', '대한민국', '한국', '서울', '부산', '하늘', '바다',
  '행복', '엄마', '아빠', '가족', '친구', '우리', '자기', '자기야', '여보', '애기', '천사', '희망', '감사', '감사합니다', '최고', '화이팅',
  '파이팅', '짱', '생일', '축하', '고양이', '강아지', '토끼', '곰돌이', '꿈', '학교', '공부', '평화', '자유', '한글', '김치', '오빠',
  '언니', '누나', '형', '가나다라', '가나다라마바사', '아자아자', '로그인', '회원가입', '홍길동', '김철수', '이영희', 'ㅋㅋㅋ', 'ㅎㅎㅎ', '하하하',
  'saranghae', 'saranghaeyo', 'sarang', 'annyeong', 'annyeonghaseyo', 'daehanminguk', 'hanguk', 'hangug', 'korea', 'seoul', 'busan',
  'haneul', 'bada', 'haengbok', 'eomma', 'umma', 'appa', 'gajok', 'chingu', 'uri', 'jagiya', 'jagi', 'yeobo', 'aegi', 'cheonsa',
  'huimang', 'gamsa', 'gamsahamnida', 'choigo', 'hwaiting', 'fighting', 'jjang', 'zzang', 'saengil', 'chukha', 'goyangi', 'gangaji',
  'tokki', 'kkum', 'hakgyo', 'gongbu', 'pyeonghwa', 'hangeul', 'kimchi', 'oppa', 'unnie', 'eonni', 'noona', 'hyung', 'gildong',
  // 1004 천사 (angel), 486 사랑해 (4, 8 and 6 strokes), 8282 빨리빨리, 7942 친구사이 (read aloud).
  '1004', '486', '8282', '7942',
];

interface Estimator {
  check(password: string, userInputs: string[]): {
    score: number;
    sequence: { pattern: string; token: string; dictionaryName?: string }[];
  };
}

let estimator: Promise<Estimator> | null = null;
function loadEstimator(): Promise<Estimator> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary, korean: KOREAN_COMMON.map(keysPressed) },
      graphs: common.adjacencyGraphs,
      maxLength: KEYS_ESTIMATED,
      l33tMaxSubstitutions: L33T_SUBSTITUTIONS,
    });
  })();
  return estimator;
}

/**
 * How strong `password` is: `known.personal` is what a guesser knows of its owner (their email, its parts, their
 * name), `known.site` the words of the site itself; each is also matched as typed in Hangul.
 */
export async function estimatePasswordStrength(password: string, known: { personal: readonly string[]; site: readonly string[] }): Promise<PasswordStrength> {
  const zxcvbn = await loadEstimator();
  const keys = keysPressed(password);
  const forms = (words: readonly string[]) => [...new Set(words.filter((word) => word.length >= 3).flatMap((word) => [word, keysPressed(word)]))];
  const personal = forms(known.personal);
  const result = zxcvbn.check(keys, [...personal, ...forms(known.site)]);
  const score = result.score as PasswordStrength['score'];
  const typedInHangul = keys !== password.normalize('NFC');
  if (score >= STRONG_ENOUGH) return { score, weakness: null, typedInHangul };
  return { score, weakness: weaknessOf(keys.toLowerCase(), personal, result.sequence), typedInHangul };
}

/** The most telling thing wrong: personal data first (the person can act on it), else the longest pattern found. */
function weaknessOf(keys: string, personal: string[], sequence: ReturnType<Estimator['check']>['sequence']): Weakness {
  if (personal.some((word) => word.length >= 4 && keys.includes(word.toLowerCase()))) return 'personal';
  const longest = sequence.reduce<(typeof sequence)[number] | undefined>((a, b) => (a && a.token.length >= b.token.length ? a : b), undefined);
  switch (longest?.pattern) {
    case 'dictionary':
      return 'common';
    case 'spatial':
      return 'keyboard';
    case 'repeat':
      return 'repeat';
    case 'sequence':
      return 'sequence';
    case 'date':
    case 'regex':
      return 'dates';
    default:
      return 'short';
  }
}

const ADVICE = { ko: '서로 관계없는 낱말 서너 개를 띄어 이어 만들어 보세요 (예: 노을 자전거 라면 창문).', en: 'Try three or four unrelated words with spaces between them (e.g. sunset bicycle noodles window).' };

const WHY: Record<Weakness, { ko: string; en: string }> = {
  personal: { ko: '비밀번호에 이메일이나 이름이 들어 있어 쉽게 맞혀집니다.', en: 'The password contains your email or name, which is easy to guess.' },
  common: { ko: '많이 쓰이는 비밀번호나 낱말이라 쉽게 맞혀집니다.', en: 'It is a common password or word, which is easy to guess.' },
  keyboard: { ko: '키보드에서 나란히 놓인 키(qwer, asdf, 한글 자판의 ㅂㅈㄷㄱ 등)는 쉽게 맞혀집니다.', en: 'Keys next to each other on the keyboard (qwer, asdf, or ㅂㅈㄷㄱ on the Korean layout) are easy to guess.' },
  repeat: { ko: '같은 글자나 묶음을 되풀이하면(aaaa, abcabc) 쉽게 맞혀집니다.', en: 'Repeated characters or groups (aaaa, abcabc) are easy to guess.' },
  sequence: { ko: '1234, abcd 같은 차례는 쉽게 맞혀집니다.', en: 'Sequences such as 1234 or abcd are easy to guess.' },
  dates: { ko: '연도나 날짜(생일 등)는 쉽게 맞혀집니다.', en: 'Years and dates (such as a birthday) are easy to guess.' },
  short: { ko: '아직 짧거나 단순해서 쉽게 맞혀집니다.', en: 'It is still short or simple enough to guess.' },
};

/** What is wrong and what to do instead, in words for the person choosing the password. */
export function passwordAdvice(strength: PasswordStrength): { ko: string; en: string } {
  const why = WHY[strength.weakness ?? 'short'];
  const hangul = strength.typedInHangul
    ? { ko: ' 한글로 쳐도 키보드에서는 같은 키를 누르는 것이라 똑같이 맞혀집니다.', en: ' Typed in Hangul it is the same keys, and just as easy to guess.' }
    : { ko: '', en: '' };
  return { ko: `${why.ko}${hangul.ko} ${ADVICE.ko}`, en: `${why.en}${hangul.en} ${ADVICE.en}` };
}
