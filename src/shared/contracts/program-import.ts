/** Programs in and out as files (CSV in UTF-8 or CP949, Excel), and the API keys institutions' own systems use for it. */
import Type, { type Static } from 'typebox';
import { JobView } from './jobs.ts';
import { locales } from '../vocabulary/index.ts';
import { Code, Id, Nullable } from './common.ts';

export const fileFormats = ['xlsx', 'csv'] as const;
export type FileFormat = (typeof fileFormats)[number];

export const FileQuery = Type.Object({
  format: Type.Optional(Type.Unsafe<FileFormat>({ type: 'string', enum: [...fileFormats], default: 'xlsx' })),
}, { additionalProperties: false });
export type FileQuery = Static<typeof FileQuery>;

export const ImportQuery = Type.Object({
  /** Only check the file and report its problems; nothing is written. */
  check: Type.Optional(Type.Boolean({ default: false })),
}, { additionalProperties: false });
export type ImportQuery = Static<typeof ImportQuery>;

/** A problem with one cell (row as the spreadsheet numbers it, the header row being 1; column as its header names it). */
export const ImportProblem = Type.Object({ row: Type.Integer(), column: Type.String(), message: Type.String() });
export type ImportProblem = Static<typeof ImportProblem>;

export const importOutcomes = ['created', 'updated'] as const;
/** A program an import made or changed, to open from its report. */
export const ImportedProgramLink = Type.Object({
  id: Type.Integer(), externalId: Type.String(), title: Type.String(),
  outcome: Type.Unsafe<(typeof importOutcomes)[number]>({ type: 'string', enum: [...importOutcomes] }),
});
export type ImportedProgramLink = Static<typeof ImportedProgramLink>;

export const ImportReport = Type.Object({
  /** Programs in the file. */
  rows: Type.Integer(),
  problems: Type.Array(ImportProblem, { description: 'Every problem found (at most 1,000 listed); when there is any, nothing was written' }),
  /** Problems found in all (the list stops at 1,000). */
  problemCount: Type.Integer(),
  /** Whether the file was written (false for a check, or when a problem was found). */
  applied: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  programs: Type.Array(ImportedProgramLink, { description: 'The programs an applied import made or changed (at most 1,000 listed)' }),
});
export type ImportReport = Static<typeof ImportReport>;

export const ImportAccepted = Type.Object({ jobId: Type.String() });
export type ImportAccepted = Static<typeof ImportAccepted>;

export const ImportJobParams = Type.Object({ id: Id, jobId: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

/** An import's problems as a file; headings in `lang` (default: the caller's language), messages as the import said them. */
export const ProblemsQuery = Type.Object({
  format: Type.Optional(Type.Unsafe<FileFormat>({ type: 'string', enum: [...fileFormats], default: 'xlsx' })),
  lang: Type.Optional(Code(locales)),
}, { additionalProperties: false });
export type ProblemsQuery = Static<typeof ProblemsQuery>;

/** The headings of the problems file, as the page heads its table. */
export const problemHeadings = {
  ko: { title: '가져오기 확인 결과', row: '줄', column: '열', message: '내용' },
  en: { title: 'Import check', row: 'Row', column: 'Column', message: 'Problem' },
} as const;

export const ImportStatus = Type.Object({
  job: JobView,
  /** Once the job is done: what was found and written. */
  report: Nullable(ImportReport),
});
export type ImportStatus = Static<typeof ImportStatus>;

export const ApiKey = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key, to tell keys apart' }),
  createdAt: Type.String(),
  createdBy: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
});
export type ApiKey = Static<typeof ApiKey>;

export const CreateApiKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80, description: 'What system the key is for' }),
}, { additionalProperties: false });
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

export const CreatedApiKey = Type.Object({
  key: ApiKey,
  /** The key itself, shown this once: only its hash is kept. */
  token: Type.String(),
});
export type CreatedApiKey = Static<typeof CreatedApiKey>;

export const ApiKeyParams = Type.Object({ id: Id, keyId: Id });
