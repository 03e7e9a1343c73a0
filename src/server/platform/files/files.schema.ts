/**
 * Files people upload (application attachments, consulting documents), kept in PostgreSQL: the type
 * recognised from the bytes, never the name; a SHA-256 to prove a download is what was uploaded.
 * Modules refer to a file by id from their own tables and decide who may read it.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { documentTypes, MAX_DOCUMENT_BYTES, type DocumentType } from '../../../shared/vocabulary/index.ts';
import { bytea, checkIn, createdAt } from '../database/columns.ts';

export const storedFiles = pgTable(
  'stored_files',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** The name as uploaded, for the download's file name only. */
    fileName: text().notNull(),
    documentType: text().$type<DocumentType>().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    content: bytea().notNull(),
    /** The city whose file it is, when there is one (the distribution key). */
    cityCode: text(),
    uploadedBy: integer(),
    uploadedAt: createdAt(),
  },
  (t) => [
    index().on(t.cityCode),
    checkIn('stored_files_document_type_check', t.documentType, documentTypes.codes),
    check('stored_files_size_check', sql`${t.byteSize} BETWEEN 1 AND ${sql.raw(String(MAX_DOCUMENT_BYTES))} AND octet_length(${t.content}) = ${t.byteSize}`),
  ],
);
