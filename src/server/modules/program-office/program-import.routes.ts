/**
 * Routes for programs in and out as files, and for the API keys with which an institution's own systems use them.
 * These routes, and no others, also accept `Authorization: Bearer <key>`: the key acts for its institution only,
 * with what the permission matrix gives an institution's system (`program.import`).
 */
import Type, { type TSchema } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IdParams, Page, PageQuery, pageRequest } from '../../../shared/contracts/common.ts';
import {
  ApiKey, ApiKeyParams, CreateApiKeyBody, CreatedApiKey, FileQuery, ImportAccepted, ImportJobParams, ImportQuery, ImportStatus, ProblemsQuery,
  problemHeadings, type FileFormat, type ImportReport,
} from '../../../shared/contracts/program-import.ts';
import { preferredLocale } from '../../../shared/vocabulary/index.ts';
import { guard, requireActor } from '../../platform/auth/actor.ts';
import { errorResponses, type Api } from '../../platform/http/api.ts';
import { badRequest, conflict, notFound, unauthorized } from '../../platform/http/errors.ts';
import { jobOf, jobResult, startJob } from '../../platform/jobs/jobs.ts';
import type { ModuleContext } from '../index.ts';
import { contentTypes } from './program-import.format.ts';
import * as service from './program-import.service.ts';

const tags = ['program office'];
const XLSX = contentTypes.xlsx;
/** 50,000 programs as CSV are about 25 MB. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const institutionInPath = (request: FastifyRequest) => ({ institutionId: Number((request.params as { id?: string }).id) });
const mayImport = guard('program.import', institutionInPath);
const mayManageKeys = guard('institution.api_keys.manage', institutionInPath);
const binary = Type.Unsafe<TSchema>({ type: 'string', format: 'binary' });
const importKind = (institutionId: number) => `program-import:${institutionId}`;
/** An Excel workbook is a zip file; anything else is read as CSV. */
const formatOf = (file: Buffer): FileFormat => (file.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'xlsx' : 'csv');

export function registerProgramImportRoutes(api: Api, { database }: ModuleContext): void {
  const { db } = database;

  void api.register(async (files: Api) => {
    // A key stands in for the session on these routes only; one that is unknown or revoked is refused outright.
    files.addHook('onRequest', async (request) => {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
      if (bearer === undefined) return;
      request.actor = await service.apiKeyActor(db, bearer);
      if (!request.actor) throw unauthorized({ ko: 'API 키가 맞지 않거나 폐기되었습니다.', en: 'The API key is unknown or has been revoked.' });
    });
    for (const type of [XLSX, 'text/csv', 'application/octet-stream']) {
      files.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_request, body, done) => done(null, body));
    }

    const download = (reply: FastifyReply, file: Buffer, format: FileFormat, name: string) => reply.type(contentTypes[format])
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${format}`)}`)
      .send(file);

    files.get('/institutions/:id/office/programs/template', {
      preValidation: mayImport,
      schema: {
        tags, summary: 'The file to fill in for an import (Excel or CSV): Korean headers, an example row, and for Excel a sheet on how to write each column',
        params: IdParams, querystring: FileQuery, response: { 200: binary, ...errorResponses },
      },
    }, async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      return download(reply, await service.template(db, request.params.id, format), format, '프로그램 가져오기 서식');
    });

    files.get('/institutions/:id/office/programs/export', {
      preValidation: mayImport,
      schema: {
        tags, summary: 'Every program of the institution in the import file’s format (edit it and import it again)',
        params: IdParams, querystring: FileQuery, response: { 200: binary, ...errorResponses },
      },
    }, async (request, reply) => {
      const format = request.query.format ?? 'xlsx';
      return download(reply, await service.exportPrograms(db, request.params.id, format), format, '프로그램 목록');
    });

    files.post('/institutions/:id/office/programs/import', {
      preValidation: mayImport,
      bodyLimit: MAX_FILE_BYTES,
      schema: {
        tags, summary: `Import programs from a file (CSV in UTF-8 or CP949, or Excel; send it as text/csv or ${XLSX}). Every row is checked first; the file is written whole or not at all. `
          + 'A row with the number (기관 프로그램 번호) of a program already here changes that program, or nothing if it is the same. With check=true nothing is written. Follow the job for the report.',
        params: IdParams, querystring: ImportQuery, consumes: [XLSX, 'text/csv'], response: { 202: ImportAccepted, ...errorResponses },
      },
    }, async (request, reply) => {
      const actor = requireActor(request);
      const locale = preferredLocale(request.headers['accept-language']);
      const file = request.body;
      // JSON and other bodies are parsed before they reach here; only the file's own types arrive as bytes.
      if (!Buffer.isBuffer(file)) throw badRequest({ ko: `파일을 text/csv 또는 ${XLSX} 형식으로 보내 주세요.`, en: `Send the file as text/csv or ${XLSX}.` }, 'file');
      const input = { institutionId: request.params.id, file, format: formatOf(file), locale, check: request.query.check ?? false };
      const jobId = await startJob(db, { kind: importKind(input.institutionId), ownerId: actor.personId, locale, alone: true }, async (report) => {
        const result = await service.importPrograms(db, input, report);
        return { name: 'import-report.json', type: 'application/json', content: Buffer.from(JSON.stringify(result)) };
      });
      return reply.status(202).send({ jobId });
    });

    /** The caller's import job for this institution (404 for anyone else's, or another institution's), and its report once done. */
    const importOf = async (request: FastifyRequest, { id, jobId }: { id: number; jobId: string }) => {
      const job = await jobOf(db, jobId, requireActor(request).personId);
      if (job.kind !== importKind(id)) throw notFound('The job', 'jobId');
      const file = await jobResult(db, job);
      const report = file ? (JSON.parse(Buffer.from(file.result).toString('utf8')) as ImportReport) : null;
      return { job: { ...job, resultUrl: null }, report };
    };

    files.get('/institutions/:id/office/programs/imports/:jobId', {
      preValidation: mayImport,
      schema: { tags, summary: 'How far an import has got, and its report once done', params: ImportJobParams, response: { 200: ImportStatus, ...errorResponses } },
    }, (request) => importOf(request, request.params));

    files.get('/institutions/:id/office/programs/imports/:jobId/problems', {
      preValidation: mayImport,
      schema: {
        tags, summary: 'The problems a finished import or check found, one per row and column, as Excel or CSV (headings in lang; at most the 1,000 listed)',
        params: ImportJobParams, querystring: ProblemsQuery, response: { 200: binary, ...errorResponses },
      },
    }, async (request, reply) => {
      const { report } = await importOf(request, request.params);
      if (!report) throw conflict({ ko: '가져오기가 아직 끝나지 않았습니다. 끝난 뒤에 내려받아 주세요.', en: 'The import has not finished yet; download its problems once it has.' });
      const format = request.query.format ?? 'xlsx';
      const lang = request.query.lang ?? preferredLocale(request.headers['accept-language']);
      return download(reply, await service.problemsFile(report.problems, format, lang), format, problemHeadings[lang].title);
    });
  });

  api.get('/institutions/:id/api-keys', {
    preValidation: mayManageKeys,
    schema: {
      tags, summary: 'The API keys of the institution’s own systems (never the keys themselves)', params: IdParams,
      querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Page(ApiKey), ...errorResponses },
    },
  }, (request) => service.listApiKeys(db, request.params.id, pageRequest(request.query)));

  api.post('/institutions/:id/api-keys', {
    preValidation: mayManageKeys,
    schema: {
      tags, summary: 'Make an API key for one of the institution’s systems; the key is shown in this answer only',
      params: IdParams, body: CreateApiKeyBody, response: { 201: CreatedApiKey, ...errorResponses },
    },
  }, async (request, reply) => reply.status(201).send(await service.createApiKey(db, requireActor(request), request.params.id, request.body.name)));

  api.delete('/institutions/:id/api-keys/:keyId', {
    preValidation: mayManageKeys,
    schema: { tags, summary: 'Revoke an API key: it stops working at once', params: ApiKeyParams, response: { 200: ApiKey, ...errorResponses } },
  }, (request) => service.revokeApiKey(db, requireActor(request), request.params.id, request.params.keyId));
}
