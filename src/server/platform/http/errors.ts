/**
 * Every API error is `{ error, message, field? }` with a 4xx/5xx status. Services throw HttpError;
 * validation, body-size and unknown-route errors from Fastify are translated to the same shape. The message
 * is in the caller's language (Korean unless Accept-Language asks for English): the web shows it as it is.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { preferredLocale, type Locale } from '../../../shared/vocabulary/index.ts';

/** A message in both languages, or one text for both (e.g. one that quotes data). */
export type Words = string | { ko: string; en: string };
const inLocale = (words: Words, locale: Locale) => (typeof words === 'string' ? words : words[locale]);

export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
  [detail: string]: unknown;
}

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly words: Words,
    readonly field?: string,
    /** Structured facts behind the message (e.g. the reasons a person cannot enrol). */
    readonly details?: Record<string, unknown>,
  ) {
    super(inLocale(words, 'en'));
  }

  toBody(locale: Locale = 'en'): ErrorBody {
    return { error: this.code, message: inLocale(this.words, locale), ...(this.field ? { field: this.field } : {}), ...this.details };
  }
}

export const badRequest = (message: Words, field?: string) => new HttpError(400, 'bad_request', message, field);
export const unauthorized = (message: Words = { ko: '로그인해 주세요.', en: 'Log in to continue.' }) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: Words = { ko: '이 일을 할 권한이 없습니다.', en: 'You do not have permission to do this.' }) =>
  new HttpError(403, 'forbidden', message);
export const notFound = (what: string, field?: string) =>
  new HttpError(404, 'not_found', { ko: '찾는 항목이 없습니다.', en: `${what} was not found.` }, field);
export const conflict = (message: Words, field?: string) => new HttpError(409, 'conflict', message, field);

export interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Names the offending field: `page` for querystring/page, `body.email` → `email`, a missing property by its name. */
function fieldOf(error: AjvError): string | undefined {
  // 'area/0' names the query parameter 'area'; deeper paths keep their index ('records.3.present').
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.').replace(/(\.\d+)+$/, '');
  const extra = (error.params.missingProperty ?? error.params.additionalProperty) as string | undefined;
  const field = [path, extra].filter(Boolean).join('.');
  return field || undefined;
}

/** What is wrong with a field, in words a person reads next to it (and the field's name, for API callers). */
export function validationMessage(error: AjvError, field: string | undefined, locale: Locale): string {
  const subject = field ?? (locale === 'ko' ? '요청' : 'request');
  const limit = error.params.limit as number | undefined;
  const ko: Record<string, () => string> = {
    additionalProperties: () => `${subject}: 알 수 없는 항목입니다.`,
    required: () => `${subject}: 꼭 적어 주세요.`,
    enum: () => `${subject}: 다음 중 하나여야 합니다 — ${(error.params.allowedValues as unknown[]).join(', ')}.`,
    minimum: () => `${subject}: ${limit} 이상이어야 합니다.`,
    exclusiveMinimum: () => `${subject}: ${limit}보다 커야 합니다.`,
    maximum: () => `${subject}: ${limit} 이하여야 합니다.`,
    minLength: () => `${subject}: ${limit}자 이상 적어 주세요.`,
    maxLength: () => `${subject}: ${limit}자까지 적을 수 있습니다.`,
    minItems: () => `${subject}: ${limit}개 이상 골라 주세요.`,
    maxItems: () => `${subject}: ${limit}개까지 고를 수 있습니다.`,
    format: () => `${subject}: 형식이 맞지 않습니다 (${String(error.params.format)}).`,
    pattern: () => `${subject}: 형식이 맞지 않습니다.`,
    type: () => `${subject}: ${String(error.params.type)} 값이어야 합니다.`,
  };
  if (locale === 'ko') return (ko[error.keyword] ?? (() => `${subject}: 값이 올바르지 않습니다.`))();
  switch (error.keyword) {
    case 'additionalProperties':
      return `${subject} is not a known field.`;
    case 'required':
      return `${subject} is required.`;
    case 'enum':
      return `${subject} must be one of: ${(error.params.allowedValues as unknown[]).join(', ')}.`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}.`;
  }
}

/** Fastify's own refusals of a request, in our words. */
const platformErrors: Record<string, HttpError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: new HttpError(413, 'payload_too_large', {
    ko: '보낸 내용이 너무 큽니다. 나누어 보내 주세요.', en: 'The request body is too large. Send it in smaller parts.',
  }, 'body'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new HttpError(415, 'unsupported_media_type', {
    ko: '내용은 application/json 형식으로 보내 주세요.', en: 'Send the body as application/json.',
  }, 'body'),
  FST_ERR_CTP_EMPTY_JSON_BODY: new HttpError(400, 'invalid_json', { ko: '보낸 내용이 비어 있습니다.', en: 'The request body is empty.' }, 'body'),
  FST_ERR_CTP_INVALID_JSON_BODY: new HttpError(400, 'invalid_json', {
    ko: '보낸 내용이 올바른 JSON이 아닙니다.', en: 'The request body is not valid JSON.',
  }, 'body'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new HttpError(400, 'bad_request', {
    ko: '보낸 내용의 길이가 맞지 않습니다.', en: 'The request body does not match its Content-Length.',
  }, 'body'),
};

/** The answer to a client over its request budget (the rate limit); says when to come back. */
export function tooManyRequests(retryAfterSeconds: number): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new HttpError(429, 'rate_limited', {
    ko: `요청이 너무 많습니다. ${seconds}초 뒤에 다시 해 주세요.`,
    en: `Too many requests. Try again in ${seconds} seconds.`,
  }, undefined, { retryAfterSeconds: seconds });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: AjvError[] }, request, reply) => {
    const locale = preferredLocale(request.headers['accept-language']);
    if (error instanceof HttpError) {
      // An error that says when to come back (busy, rate limited) says it in the header too.
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(error.statusCode).send(error.toBody(locale));
    }
    if (error.validation && error.validation.length > 0) {
      const first = error.validation[0]!;
      const field = fieldOf(first);
      return reply.status(400).send({ error: 'validation', message: validationMessage(first, field, locale), ...(field ? { field } : {}) });
    }
    const platformError = platformErrors[error.code ?? ''] ?? (error instanceof SyntaxError ? platformErrors.FST_ERR_CTP_INVALID_JSON_BODY : undefined);
    if (platformError) return reply.status(platformError.statusCode).send(platformError.toBody(locale));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // A Fastify error we have no words for: its own (English) message, under a code that says what kind it is.
      return reply.status(error.statusCode).send({ error: error.code ? error.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: 'Something went wrong on our side. Please try again.' });
  });
}
