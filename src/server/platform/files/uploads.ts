/**
 * Routes that take a document's bytes as the body (not JSON): their own scope with a parser that takes any body
 * up to 20 MB as a buffer, and a too-large body answered as a 413 naming the file (its name in the `name` query).
 */
import type { FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { MAX_DOCUMENT_BYTES } from '../../../shared/vocabulary/index.ts';
import type { Api } from '../http/api.ts';
import { fileTooLarge } from './files.queries.ts';

export function documentUploads(api: Api, routes: (upload: Api) => void): void {
  void api.register(async (upload: Api) => {
    upload.removeAllContentTypeParsers();
    upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_DOCUMENT_BYTES }, (_request, body, done) => done(null, body));
    upload.setErrorHandler((error: Error & { code?: string }, request) => {
      if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
      const length = Number(request.headers['content-length']);
      throw fileTooLarge((request.query as { name?: string }).name ?? 'file', Number.isFinite(length) && length > 0 ? length : null, 'file');
    });
    routes(upload);
  });
}

/**
 * An upload route's options: who may upload is decided before its bytes are read (a stranger's 20 MB is never
 * taken in), and the body's limit.
 */
export function uploadBy(mayUpload: (request: FastifyRequest) => Promise<void>) {
  return {
    preParsing: async (request: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
      await mayUpload(request);
      return payload;
    },
    bodyLimit: MAX_DOCUMENT_BYTES,
  };
}
