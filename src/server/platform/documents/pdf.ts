/**
 * PDF documents with Korean text: pdfmake with KRDS's Pretendard GOV font (the built-in fonts drop Hangul).
 * Documents may not fetch URLs or read files other than the font.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { inflateSync } from 'node:zlib';
import type PdfmakeLibrary from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { offThread } from '../workers/pool.ts';

const fontsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('krds-uiux/package.json')), 'resources/fonts');

/**
 * The fonts as plain OpenType. KRDS ships them as WOFF, whose tables are zlib-compressed, and fontkit inflates
 * a table (in JavaScript) every time it reads a glyph's metrics: that alone made the annual report's PDF take
 * 15 s of CPU. Inflated once here (natively), the same report takes well under a second of layout.
 */
function sfntFromWoff(woff: Buffer): Buffer {
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + 20 * i;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data: compressedLength < length ? inflateSync(stored) : stored };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const headerLength = 12 + 16 * numTables;
  const sfnt = Buffer.alloc(headerLength + tables.reduce((sum, table) => sum + padded(table.data.length), 0));
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 16 * 2 ** entrySelector;
  sfnt.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavour: TrueType or CFF outlines
  sfnt.writeUInt16BE(numTables, 4);
  sfnt.writeUInt16BE(searchRange, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(16 * numTables - searchRange, 10);
  let offset = headerLength;
  for (const [i, table] of tables.entries()) {
    const record = 12 + 16 * i;
    sfnt.writeUInt32BE(table.tag, record);
    sfnt.writeUInt32BE(table.checksum, record + 4);
    sfnt.writeUInt32BE(offset, record + 8);
    sfnt.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  }
  return sfnt;
}

/**
 * The OpenType fonts as files (PDFKit opens SVG text's fonts by path), in a folder named by their content:
 * written once per machine, rewritten if what is there is not exactly them, and written under a temporary
 * name and renamed, so that processes and threads starting together never read half a file.
 */
async function openTypeFonts(): Promise<{ dir: string; regular: string; bold: string }> {
  const woff = await Promise.all(['Regular', 'Bold'].map((weight) => readFile(path.join(fontsDir, `PretendardGOV-${weight}.subset.woff`))));
  const dir = path.join(tmpdir(), `learning-city-fonts-${createHash('sha256').update(woff[0]!).update(woff[1]!).digest('hex').slice(0, 16)}`);
  await mkdir(dir, { recursive: true });
  const write = async (name: string, woffFile: Buffer) => {
    const file = path.join(dir, name);
    const font = sfntFromWoff(woffFile);
    if (!existsSync(file) || !(await readFile(file)).equals(font)) {
      const partial = `${file}.${process.pid}.${threadId}.tmp`;
      await writeFile(partial, font);
      await rename(partial, file);
    }
    return file;
  };
  return { dir, regular: await write('Pretendard-Regular.otf', woff[0]!), bold: await write('Pretendard-Bold.otf', woff[1]!) };
}

// Loaded and configured on first use: only documents need it, and the server starts faster without it.
type Pdfmake = typeof PdfmakeLibrary;
let pdfmakeModule: Promise<Pdfmake> | undefined;

async function loadPdfmake(): Promise<Pdfmake> {
  // A CommonJS package: Node gives its exports as `default`.
  const pdfmake = ((await import('pdfmake')) as unknown as { default: Pdfmake }).default;
  const fonts = await openTypeFonts();
  pdfmake.setFonts({ Pretendard: { normal: fonts.regular, bold: fonts.bold, italics: fonts.regular, bolditalics: fonts.bold } });
  pdfmake.setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(allow: (file: string) => boolean): void }).setLocalAccessPolicy((file) => path.dirname(file) === fonts.dir);
  return pdfmake;
}

export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await (pdfmakeModule ??= loadPdfmake());
  const output = pdfmake.createPdf({ ...document, defaultStyle: { font: 'Pretendard', fontSize: 10, ...document.defaultStyle } });
  return (await (output as unknown as { getBuffer(): Promise<Buffer> }).getBuffer());
}

/** `renderPdf` on a worker: for documents that are plain data (no functions, such as a footer callback). */
export const renderPdfOffThread = offThread(import.meta.url, renderPdf);
