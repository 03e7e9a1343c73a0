/**
 * Storing and serving uploaded files: checked by their bytes (sniff.ts), at most 20 MB, kept with a SHA-256, and
 * streamed back in chunks read with substring(), so that a download never holds the whole file in memory.
 * Modules decide who may store or read a file; these functions only keep it.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { documentTypes, MAX_DOCUMENT_BYTES, type DocumentType } from '../../../shared/vocabulary/index.ts';
import { firstRow, type Executor } from '../database/database.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { extensionOf, extensionsOf, sniffDocumentType, typeClaimedBy } from './sniff.ts';

/** Bytes read per statement when streaming a file back. */
const CHUNK_BYTES = 1024 * 1024;
// Bytes cross to the database and back as base64 text: both drivers turn bytea into hex text and back in
// JavaScript, which took 18 s (PGlite) for a 20 MB file against 3 s as base64; reading 20 MB back took 4.8 s
// as bytea against 0.3 s as base64 (measured in this module's tests' probe, 2 cores).

export interface StoredFile {
  id: number;
  fileName: string;
  documentType: DocumentType;
  byteSize: number;
  sha256: string;
}

const accepted = { ko: 'PDF, 한글(HWP·HWPX), 엑셀(XLSX), 워드(DOCX), PNG·JPEG 이미지', en: 'PDF, Hangul (HWP, HWPX), Excel (XLSX), Word (DOCX), PNG or JPEG images' };
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function fileTooLarge(fileName: string, byteSize: number | null, field = 'file'): HttpError {
  const size = byteSize === null ? { ko: '', en: '' } : { ko: ` (${megabytes(byteSize)} MB)`, en: ` (${megabytes(byteSize)} MB)` };
  return new HttpError(413, 'file_too_large', {
    ko: `‘${fileName}’ 파일이 너무 큽니다${size.ko}. 한 파일은 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB까지 올릴 수 있습니다. 나누거나 줄여서 올려 주세요.`,
    en: `‘${fileName}’ is too large${size.en}. Each file may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; split or compress it.`,
  }, field);
}

/** Why a file is refused, naming it: by what its bytes are, and what its name claims. */
function unsupported(fileName: string, found: DocumentType | null, claimed: DocumentType | null, field: string): HttpError {
  const name = (type: DocumentType, locale: 'ko' | 'en') => documentTypes.get(type)[locale];
  let words: { ko: string; en: string };
  if (claimed && found) {
    words = {
      ko: `‘${fileName}’ 파일은 이름으로는 ${name(claimed, 'ko')} 파일이지만 내용은 ${name(found, 'ko')} 파일입니다. 파일 이름을 .${extensionsOf[found][0]}(으)로 고치거나 ${name(claimed, 'ko')} 형식으로 다시 저장해 올려 주세요.`,
      en: `‘${fileName}’ is named as a ${name(claimed, 'en')} file but its contents are ${name(found, 'en')}. Rename it to .${extensionsOf[found][0]} or save it again as ${name(claimed, 'en')}.`,
    };
  } else if (claimed) {
    words = {
      ko: `‘${fileName}’ 파일은 이름으로는 ${name(claimed, 'ko')} 파일이지만 내용이 ${name(claimed, 'ko')} 형식이 아닙니다. 파일을 열어 ${accepted.ko} 중 하나로 다시 저장해 올려 주세요.`,
      en: `‘${fileName}’ is named as a ${name(claimed, 'en')} file but its contents are not ${name(claimed, 'en')}. Open it and save it again as one of: ${accepted.en}.`,
    };
  } else {
    words = {
      ko: `‘${fileName}’ 파일은 올릴 수 없는 형식입니다. ${accepted.ko}만 올릴 수 있습니다.`,
      en: `‘${fileName}’ is not a file type we accept. Accepted: ${accepted.en}.`,
    };
  }
  return new HttpError(415, 'unsupported_file', words, field);
}

/** A name the download can be opened by: the type's extension is added when the name has none of its own. */
function nameFor(fileName: string, type: DocumentType): string {
  // Control characters and path separators have no place in a name a browser saves under.
  const safe = [...fileName.normalize('NFC')].map((c) => (c.charCodeAt(0) < 0x20 || c === '\u007f' || c === '/' || c === '\\' ? '_' : c)).join('');
  const trimmed = safe.trim().slice(0, 200) || 'file';
  return extensionsOf[type].includes(extensionOf(trimmed)) ? trimmed : `${trimmed}.${extensionsOf[type][0]}`;
}

/**
 * Keeps a file if its bytes are of an accepted type that its name does not contradict; 4xx naming the file
 * otherwise (`field`: the form field it came from). Call inside the transaction that refers to it.
 */
export async function storeFile(
  tx: Executor,
  file: { fileName: string; bytes: Uint8Array; cityCode: string | null; uploadedBy: number | null; field?: string },
): Promise<StoredFile> {
  const field = file.field ?? 'file';
  if (file.bytes.length > MAX_DOCUMENT_BYTES) throw fileTooLarge(file.fileName, file.bytes.length, field);
  if (file.bytes.length === 0) {
    throw new HttpError(400, 'empty_file', { ko: `‘${file.fileName}’ 파일이 비어 있습니다.`, en: `‘${file.fileName}’ is empty.` }, field);
  }
  const found = await sniffDocumentType(file.bytes);
  const claimed = typeClaimedBy(file.fileName);
  if (!found || (claimed && claimed !== found)) throw unsupported(file.fileName, found, claimed, field);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = nameFor(file.fileName, found);
  const row = await firstRow<{ id: number }>(tx, sql`
    INSERT INTO stored_files (file_name, document_type, byte_size, sha256, content, city_code, uploaded_by)
    VALUES (${fileName}, ${found}, ${file.bytes.length}, ${sha256}, decode(${Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.length).toString('base64')}, 'base64'),
            ${file.cityCode}, ${file.uploadedBy})
    RETURNING id`);
  return { id: row!.id, fileName, documentType: found, byteSize: file.bytes.length, sha256 };
}

export async function fileMeta(db: Executor, id: number): Promise<(StoredFile & { cityCode: string | null; uploadedAt: string }) | undefined> {
  return firstRow(db, sql`
    SELECT id, file_name AS "fileName", document_type AS "documentType", byte_size AS "byteSize", sha256, city_code AS "cityCode",
           to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "uploadedAt"
    FROM stored_files WHERE id = ${id}`);
}

export async function deleteFile(tx: Executor, id: number): Promise<void> {
  await tx.execute(sql`DELETE FROM stored_files WHERE id = ${id}`);
}

async function chunkOf(db: Executor, id: number, offset: number): Promise<Buffer> {
  const row = await firstRow<{ chunk: string | null }>(db, sql`
    SELECT encode(substring(content FROM ${offset + 1}::int FOR ${CHUNK_BYTES}::int), 'base64') AS chunk FROM stored_files WHERE id = ${id}`);
  if (row?.chunk == null) throw new Error(`stored file ${id} disappeared while it was read`);
  // PostgreSQL breaks base64 into lines of 76 characters; Node's decoder skips the line breaks.
  return Buffer.from(row.chunk, 'base64');
}

/** RFC 6266: a plain ASCII name for old clients and the UTF-8 name (RFC 5987) for everyone else. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends the stored file as a download, chunk by chunk; 404 when there is no such file. */
export async function streamFile(db: Executor, id: number, reply: FastifyReply): Promise<FastifyReply> {
  const meta = await fileMeta(db, id);
  if (!meta) throw notFound('The file', 'fileId');
  async function* chunks() {
    for (let offset = 0; offset < meta!.byteSize; offset += CHUNK_BYTES) yield await chunkOf(db, id, offset);
  }
  return reply
    .type(documentTypes.get(meta.documentType).mediaType)
    .header('content-length', meta.byteSize)
    .header('content-disposition', contentDisposition(meta.fileName))
    .header('etag', `"${meta.sha256}"`)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .send(Readable.from(chunks(), { objectMode: false }));
}
