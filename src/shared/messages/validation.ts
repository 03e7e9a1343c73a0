/**
 * What is wrong with one field of a request, in words a person reads beside it: the field named as the form labels
 * it (`fieldLabel`), never by its property name, and no codes of the schema (no `date-time`, no allowed values).
 * The server builds every validation problem with this; the message test walks every keyword in both languages.
 */
import { withObjectParticle, withTopicParticle } from '../lib/hangul.ts';
import { MOBILE_PHONE_PATTERN } from '../lib/phone.ts';
import { fieldLabel, type Locale } from '../vocabulary/index.ts';

/** One of Ajv's errors, as much of it as the words need. */
export interface SchemaProblem {
  keyword: string;
  params: Record<string, unknown>;
}

/** The keywords the contracts use, each with its words; anything else falls back to "is not right". */
export const validationKeywords = [
  'required', 'additionalProperties', 'type', 'enum', 'const', 'anyOf', 'format', 'pattern', 'minLength', 'maxLength',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems',
] as const;

const kinds: Record<string, { ko: string; en: string }> = {
  integer: { ko: '정수로', en: 'a whole number' },
  number: { ko: '숫자로', en: 'a number' },
  string: { ko: '글자로', en: 'text' },
  boolean: { ko: '예 또는 아니요로', en: 'yes or no' },
  array: { ko: '목록으로', en: 'a list' },
  object: { ko: '항목의 묶음으로', en: 'a group of fields' },
  null: { ko: '빈 값으로', en: 'empty' },
};

const formats: Record<string, { ko: string; en: string }> = {
  email: { ko: '이메일 주소 형식(아이디@주소)으로', en: 'an email address, like name@example.com' },
  date: { ko: '날짜(연-월-일)로', en: 'a date (year-month-day)' },
  'date-time': { ko: '날짜와 시각으로', en: 'a date and time' },
  time: { ko: '시각(시:분)으로', en: 'a time (hours:minutes)' },
  uri: { ko: 'http:// 또는 https://로 시작하는 인터넷 주소로', en: 'a web address starting with http:// or https://' },
  uuid: { ko: '발급된 번호 그대로', en: 'the number exactly as issued' },
};

/** Patterns the contracts share, said as what to type. */
const patterns: Record<string, { ko: string; en: string }> = {
  '^([01][0-9]|2[0-3]):[0-5][0-9]$': formats.time!,
  '^[0-9]{2}$': { ko: '숫자 2자리로', en: '2 digits' },
  '^[0-9]{5}$': { ko: '숫자 5자리로', en: '5 digits' },
  '^[0-9]{7}$': { ko: '숫자 7자리로', en: '7 digits' },
  '^[0-9+() -]{6,20}$': { ko: '숫자 6~20자리(+ ( ) - 포함)로', en: '6 to 20 digits (with + ( ) - if you like)' },
  '^https?://': formats.uri!,
  [MOBILE_PHONE_PATTERN]: { ko: '010으로 시작하는 휴대전화 번호(010-1234-5678)로', en: 'a mobile number starting with 010, like 010-1234-5678' },
};

const count = (n: unknown, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

/**
 * The label a problem's message names: the field's own (`fieldLabel`), or for a field no contract has (an unknown
 * property) the one that holds it; the caller sees which in the problem's `field`. Undefined for the whole request. `area`
 * is the route's (`labelAreaOf`).
 */
export function problemLabel(problem: SchemaProblem, path: string | undefined, locale: Locale, area?: string): string | undefined {
  const named = problem.keyword === 'additionalProperties' ? path?.split('.').slice(0, -1).join('.') : path;
  return named ? fieldLabel(named, locale, area) : undefined;
}

/** The message for one problem with the field called `label` (as `problemLabel` finds it, or a column's header). */
export function validationMessage(problem: SchemaProblem, label: string | undefined, locale: Locale): string {
  const { keyword, params } = problem;
  const limit = params.limit;
  if (locale === 'ko') {
    const subject = label ?? '보낸 내용';
    const is = withTopicParticle(subject);
    const as = (words: { ko: string } | undefined) => (words ? `${is} ${words.ko} 입력해 주세요.` : `${subject}의 형식이 맞지 않습니다.`);
    switch (keyword) {
      case 'required': return `${withObjectParticle(subject)} 입력해 주세요.`;
      case 'additionalProperties': return `${subject}에 알 수 없는 항목이 들어 있습니다. 그 항목을 빼고 다시 보내 주세요.`;
      case 'type': return `${is} ${kinds[String(params.type).split(',')[0]!]?.ko ?? '올바른 값으로'} 입력해 주세요.`;
      case 'enum': case 'const': case 'anyOf': return `${withObjectParticle(subject)} 목록에 있는 것 중에서 골라 주세요.`;
      case 'format': return as(formats[String(params.format)]);
      case 'pattern': return as(patterns[String(params.pattern)]);
      // At least one character is what an empty field lacks: said as a field to fill in.
      case 'minLength': return limit === 1 ? `${withObjectParticle(subject)} 입력해 주세요.` : `${is} ${String(limit)}자 이상 입력해 주세요.`;
      case 'maxLength': return `${is} ${String(limit)}자까지 입력할 수 있습니다.`;
      case 'minimum': return `${is} ${String(limit)} 이상이어야 합니다.`;
      case 'maximum': return `${is} ${String(limit)} 이하여야 합니다.`;
      case 'exclusiveMinimum': return `${is} ${String(limit)}보다 커야 합니다.`;
      case 'exclusiveMaximum': return `${is} ${String(limit)}보다 작아야 합니다.`;
      case 'multipleOf': return `${is} ${String(params.multipleOf)} 단위로 입력해 주세요.`;
      // '하나' counts people and things alike (회원 1개 read as things).
      case 'minItems': return limit === 1 ? `${is} 하나 이상 골라 주세요.` : `${is} ${String(limit)}개 이상 골라 주세요.`;
      case 'maxItems': return `${is} ${String(limit)}개까지 고를 수 있습니다.`;
      case 'uniqueItems': return `${subject}에 같은 것이 두 번 들어 있습니다.`;
      default: return `${subject}의 값이 올바르지 않습니다.`;
    }
  }
  const subject = label ?? 'The request';
  const as = (words: { en: string } | undefined) => (words ? `${subject} must be ${words.en}.` : `${subject} is not in the right form.`);
  switch (keyword) {
    case 'required': return `${subject} is required.`;
    case 'additionalProperties': return `${subject} has a field we do not know. Leave it out and send again.`;
    case 'type': return `${subject} must be ${kinds[String(params.type).split(',')[0]!]?.en ?? 'a valid value'}.`;
    case 'enum': case 'const': case 'anyOf': return `${subject}: choose one of the options offered.`;
    case 'format': return as(formats[String(params.format)]);
    case 'pattern': return as(patterns[String(params.pattern)]);
    case 'minLength': return limit === 1 ? `${subject} is required.` : `${subject} must be at least ${count(limit, 'character', 'characters')}.`;
    case 'maxLength': return `${subject} can be at most ${count(limit, 'character', 'characters')}.`;
    case 'minimum': return `${subject} must be ${String(limit)} or more.`;
    case 'maximum': return `${subject} must be ${String(limit)} or less.`;
    case 'exclusiveMinimum': return `${subject} must be more than ${String(limit)}.`;
    case 'exclusiveMaximum': return `${subject} must be less than ${String(limit)}.`;
    case 'multipleOf': return `${subject} must be in steps of ${String(params.multipleOf)}.`;
    case 'minItems': return `${subject}: choose at least ${String(limit)}.`;
    case 'maxItems': return `${subject}: choose at most ${String(limit)}.`;
    case 'uniqueItems': return `${subject} has the same choice twice.`;
    default: return `${subject} is not valid.`;
  }
}
