/**
 * Every API error is `{ error, message, field?, problems? }` with a 4xx/5xx status. Services throw HttpError;
 * validation, body-size and unknown-route errors from Fastify are translated to the same shape. The message
 * is in the caller's language (Korean unless Accept-Language asks for English): the web shows it as it is.
 * `problems` lists every problem of the request with the field it concerns (validation finds them all at
 * once), so a form shows each beside its field; `message` and `field` are the first of them.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { problemLabel, validationMessage, type SchemaProblem } from '../../../shared/messages/validation.ts';
import { labelAreaOf, preferredLocale, type Locale } from '../../../shared/vocabulary/index.ts';

/** A message in both languages: every message a person can meet is in theirs (data it quotes stays as it is). */
export interface Words {
  ko: string;
  en: string;
}
/** Text already in the caller's language (a worker that read their file wrote it for them). */
export const inCallersLanguage = (text: string): Words => ({ ko: text, en: text });

/** One thing wrong with a request: the field it concerns (none for the request as a whole) and what to do. */
export interface Problem {
  field?: string;
  message: string;
}

export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
  problems?: Problem[];
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
    super(words.en);
  }

  toBody(locale: Locale = 'en'): ErrorBody {
    const message = this.words[locale];
    return { error: this.code, message, ...(this.field ? { field: this.field, problems: [{ field: this.field, message }] } : {}), ...this.details };
  }
}

export const badRequest = (message: Words, field?: string) => new HttpError(400, 'bad_request', message, field);
export const unauthorized = (message: Words = { ko: '로그인해 주세요.', en: 'Log in to continue.' }) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: Words = { ko: '이 일을 할 권한이 없습니다.', en: 'You do not have permission to do this.' }) =>
  new HttpError(403, 'forbidden', message);
export const notFound = (what: string, field?: string) =>
  new HttpError(404, 'not_found', { ko: '찾는 항목이 없습니다.', en: `${what} was not found.` }, field);
export const conflict = (message: Words, field?: string) => new HttpError(409, 'conflict', message, field);

/** A request with several problems a service found (not the schema), each beside its field, all at once (400). */
export class ProblemsError extends HttpError {
  constructor(readonly found: readonly { field: string; words: Words }[]) {
    super(400, 'validation', found[0]!.words, found[0]!.field);
  }

  override toBody(locale: Locale = 'en'): ErrorBody {
    return { ...super.toBody(locale), problems: this.found.map((p) => ({ field: p.field, message: p.words[locale] })) };
  }
}

interface AjvError extends SchemaProblem {
  instancePath: string;
}

/** Names the offending field: `page` for querystring/page, `body.email` → `email`, a missing property by its name. */
function fieldOf(error: AjvError): string | undefined {
  // 'area/0' names the query parameter 'area'; deeper paths keep their index ('records.3.present').
  const path = error.instancePath.replace(/^\//, '').replace(/\//g, '.').replace(/(\.\d+)+$/, '');
  const extra = (error.params.missingProperty ?? error.params.additionalProperty) as string | undefined;
  const field = [path, extra].filter(Boolean).join('.');
  return field || undefined;
}

/**
 * One problem per field, in the order the schema found them. A field that fails a union (`Nullable`, a code or
 * `'all'`) gets an error from each branch and one for the union: the first that says more than "not null" speaks.
 */
function validationProblems(errors: readonly AjvError[], locale: Locale, area?: string): Problem[] {
  const byField = new Map<string | undefined, AjvError[]>();
  for (const error of errors) {
    const field = fieldOf(error);
    byField.set(field, [...(byField.get(field) ?? []), error]);
  }
  return [...byField].map(([field, found]) => {
    const telling = found.find((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null')) ?? found[0]!;
    return { ...(field ? { field } : {}), message: validationMessage(telling, problemLabel(telling, field, locale, area), locale) };
  });
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

/** What a person reads when the request could not be read, or when we failed. */
export const unreadableRequest: Words = { ko: '요청을 처리할 수 없습니다. 다시 시도해 주세요.', en: 'The request could not be handled. Please try again.' };
export const somethingWentWrong: Words = { ko: '저희 쪽에서 문제가 생겼습니다. 잠시 뒤에 다시 시도해 주세요.', en: 'Something went wrong on our side. Please try again.' };

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
      const problems = validationProblems(error.validation, locale, labelAreaOf(request.routeOptions.url));
      const [first] = problems;
      return reply.status(400).send({
        error: 'validation', message: first!.message, ...(first!.field ? { field: first!.field } : {}),
        problems,
      });
    }
    const platformError = platformErrors[error.code ?? ''] ?? (error instanceof SyntaxError ? platformErrors.FST_ERR_CTP_INVALID_JSON_BODY : undefined);
    if (platformError) return reply.status(platformError.statusCode).send(platformError.toBody(locale));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // A Fastify refusal we have no words of our own for: said generally, under a code that says what kind it is.
      request.log.info({ err: error }, 'request refused by the framework');
      return reply.status(error.statusCode).send({ error: error.code ? error.code.replace(/^FST_ERR_/, '').toLowerCase() : 'bad_request', message: unreadableRequest[locale] });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: somethingWentWrong[locale] });
  });
}
