/**
 * What every request's input must be before any route sees it, in one place:
 * - text PostgreSQL can store: no zero byte (a 500 from the driver otherwise) and no lone UTF-16
 *   surrogate (silently turned into U+FFFD by the drivers, or a crash in document libraries);
 * - structures of sane depth (walking them must not exhaust the stack);
 * - finite numbers: Ajv's type coercion turns `?page=1e400` into Infinity and then skips its bounds.
 * Bodies are validated without type coercion, so `null` is never stored as 0 and "5" is not a number;
 * query strings and path parameters are text by nature and keep coercion.
 */
import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fieldLabel, labelAreaOf } from '../../../shared/vocabulary/index.ts';
import { badRequest } from './errors.ts';
import { compileOnFirstUse, type Validator } from './compile-on-first-use.ts';

/** Deeper than any form we have (the city record's lists are 3 levels); refuses a stack-exhausting body. */
export const MAX_INPUT_DEPTH = 32;

const ajvOptions: Options = {
  // Unknown fields are an error (named by `field`), not silently dropped.
  removeAdditional: false,
  useDefaults: true,
  // Every problem of a form at once, so a person fixes them in one go; the contracts bound every list and text.
  allErrors: true,
  strictNumbers: true,
  addUsedSchema: false,
};

/** One Ajv for bodies (no coercion), one for query strings, path parameters and headers (text coerced to the schema's type). */
export function registerValidators(app: FastifyInstance): void {
  const body = addFormats.default(new Ajv({ ...ajvOptions, coerceTypes: false }));
  const text = addFormats.default(new Ajv({ ...ajvOptions, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => compileOnFirstUse(() => (httpPart === 'body' ? body : text).compile(schema) as Validator));
}

type Problem = 'zero_byte' | 'broken_text' | 'too_deep' | 'not_finite';

/** The first problem in a parsed input and where it is, as a dotted path; walks iteratively. */
export function findInputProblem(input: unknown, checkNumbers: boolean): { problem: Problem; path: string[] } | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return { problem: 'zero_byte', path };
      if (!value.isWellFormed()) return { problem: 'broken_text', path };
    } else if (typeof value === 'number') {
      if (checkNumbers && !Number.isFinite(value)) return { problem: 'not_finite', path };
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      if (path.length >= MAX_INPUT_DEPTH) return { problem: 'too_deep', path };
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000') || !key.isWellFormed()) return { problem: 'broken_text', path };
        stack.push({ value: child, path: [...path, key] });
      }
    }
  }
  return null;
}

/** 'area.0' names the query parameter 'area'; deeper paths keep their index ('records.3.note'). */
const fieldName = (path: string[]) => path.join('.').replace(/(\.\d+)+$/, '') || undefined;

function refuse(problem: Problem, path: string[], area: string | undefined) {
  const field = fieldName(path);
  // Named as its form labels it; a field no contract has is named by `field` only.
  const subject = (field && fieldLabel(field, 'ko', area)) ?? '보낸 내용';
  const subjectEn = (field && fieldLabel(field, 'en', area)) ?? 'The request';
  switch (problem) {
    case 'zero_byte':
      return badRequest({
        ko: `${subject}: 보이지 않는 제어 문자(0 바이트)가 들어 있어 저장할 수 없습니다. 지우고 다시 보내 주세요.`,
        en: `${subjectEn} contains a zero byte (an invisible control character) that cannot be stored. Remove it and send again.`,
      }, field);
    case 'broken_text':
      return badRequest({
        ko: `${subject}: 깨진 문자가 들어 있습니다. 다시 입력해 주세요.`,
        en: `${subjectEn} contains a broken character (an unpaired surrogate). Type it again.`,
      }, field);
    case 'too_deep':
      return badRequest({ ko: `${subject}: 너무 깊게 중첩되어 있습니다.`, en: `${subjectEn} is nested too deeply.` }, field);
    case 'not_finite':
      return badRequest({ ko: `${subject}: 너무 큰 수입니다.`, en: `${subjectEn} is not a finite number.` }, field);
  }
}

function check(request: FastifyRequest, checkNumbers: boolean): void {
  for (const input of [request.params, request.query, request.body]) {
    const found = findInputProblem(input, checkNumbers);
    if (found) throw refuse(found.problem, found.path, labelAreaOf(request.routeOptions.url));
  }
}

export function registerInputChecks(app: FastifyInstance): void {
  // Before validation: text and depth, so no validator or route sees a zero byte or a bottomless structure.
  app.addHook('preValidation', async (request) => check(request, false));
  // After validation: numbers that coercion made infinite (the schemas' bounds did not catch them).
  app.addHook('preHandler', async (request) => check(request, true));
}
