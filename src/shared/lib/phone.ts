/**
 * A resident's phone number, for the text messages a course may promise: a Korean mobile number only (010), since
 * a landline cannot receive a text. Typed as people write it (010-1234-5678, 01012345678, 010 1234 5678, +82 10-…),
 * kept in one form (010-1234-5678), so staff read it the same way on every roster.
 */

/** What the contracts accept: 010 (or +82 10) and 8 digits, in groups of 4 with a hyphen or space between if wished. */
export const MOBILE_PHONE_PATTERN = '^ *(\\+82[ -]?|0)10[ -]?[0-9]{4}[ -]?[0-9]{4} *$';

const mobile = new RegExp(MOBILE_PHONE_PATTERN);

/** The number as it is kept (010-1234-5678), or null when it is not a Korean mobile number. */
export function normalisedMobilePhone(typed: string): string | null {
  if (!mobile.test(typed)) return null;
  const digits = typed.replace(/\D/g, '').replace(/^8210/, '010');
  return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
}
