/**
 * Every API error is `{ error, message, field? }` with a 4xx/5xx status. Services throw HttpError;
 * validation, body-size and unknown-route errors from Fastify are translated to the same shape.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

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
    message: string,
    readonly field?: string,
    /** Structured facts behind the message (e.g. the reasons a person cannot enrol). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: this.code, message: this.message, ...(this.field ? { field: this.field } : {}), ...this.details };
  }
}

export const badRequest = (message: string, field?: string) => new HttpError(400, 'bad_request', message, field);
export const unauthorized = (message = 'Log in to continue.') => new HttpError(401, 'unauthorized', message);
export const forbidden = (message = 'You do not have permission to do this.') => new HttpError(403, 'forbidden', message);
export const notFound = (what: string, field?: string) => new HttpError(404, 'not_found', `${what} was not found.`, field);
export const conflict = (message: string, field?: string) => new HttpError(409, 'conflict', message, field);

interface AjvError {
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

function validationMessage(error: AjvError, field: string | undefined): string {
  const subject = field ?? 'request';
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

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { validation?: AjvError[] }, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.statusCode).send(error.toBody());
    if (error.validation && error.validation.length > 0) {
      const first = error.validation[0]!;
      const field = fieldOf(first);
      return reply.status(400).send({ error: 'validation', message: validationMessage(first, field), ...(field ? { field } : {}) });
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: 'payload_too_large', message: 'The request body is too large.', field: 'body' });
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send({ error: 'unsupported_media_type', message: 'Send the body as application/json.', field: 'body' });
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send({ error: 'invalid_json', message: 'The request body is not valid JSON.', field: 'body' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: error.code ?? 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: 'internal', message: 'Something went wrong on our side. Please try again.' });
  });
}
