/**
 * What a file is, from its bytes alone: file-type recognises PDF, OOXML (XLSX, DOCX), PNG and JPEG; Hangul's
 * two formats need more. HWPX is a ZIP whose first entry, stored uncompressed, is `mimetype` =
 * `application/hwp+zip` (as EPUB and ODF do); HWP 5.0 is a compound file (CFB) whose `FileHeader` stream
 * starts with "HWP Document File". Anything else (other ZIPs and compound files, text, HWP 3) is not accepted.
 */
import type { DocumentType } from '../../../shared/vocabulary/index.ts';

const HWPX_MIMETYPE = 'application/hwp+zip';
const HWP_SIGNATURE = 'HWP Document File';

const fromFileType: Record<string, DocumentType> = { pdf: 'pdf', xlsx: 'xlsx', docx: 'docx', png: 'png', jpg: 'jpeg' };

/** The extensions each type is saved with (first: the one given to a name that has none of them). */
export const extensionsOf: Record<DocumentType, readonly string[]> = {
  pdf: ['pdf'], hwp: ['hwp'], hwpx: ['hwpx'], xlsx: ['xlsx'], docx: ['docx'], png: ['png'], jpeg: ['jpg', 'jpeg'],
};

// The readers are loaded with the first file sniffed, not at every start of the server.
export async function sniffDocumentType(bytes: Uint8Array): Promise<DocumentType | null> {
  if (isHwpx(bytes)) return 'hwpx';
  const { fileTypeFromBuffer } = await import('file-type');
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  if (found.ext === 'cfb') return (await isHwp(bytes)) ? 'hwp' : null;
  return fromFileType[found.ext] ?? null;
}

/** A ZIP's first local header names `mimetype`, stored (method 0), holding HWPX's media type. */
function isHwpx(bytes: Uint8Array): boolean {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const method = view.getUint16(8, true);
  const size = view.getUint32(18, true);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  const start = 30 + nameLength + extraLength;
  if (method !== 0 || size > 100 || start + size > bytes.length) return false;
  const text = (from: number, to: number) => new TextDecoder('latin1').decode(bytes.subarray(from, to));
  return text(30, 30 + nameLength) === 'mimetype' && text(start, start + size).trim() === HWPX_MIMETYPE;
}

async function isHwp(bytes: Uint8Array): Promise<boolean> {
  const { default: CFB } = await import('cfb');
  try {
    const header = CFB.find(CFB.read(bytes, { type: 'buffer' }), 'FileHeader');
    const content = header?.content;
    return !!content && new TextDecoder('latin1').decode(Uint8Array.from(content).subarray(0, HWP_SIGNATURE.length)) === HWP_SIGNATURE;
  } catch {
    // A damaged compound file is not a document anyone can open.
    return false;
  }
}

/** The extension of a file name, lower-cased, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName);
  return match ? match[1]!.toLowerCase() : '';
}

/** The type a name claims by its extension, if it is one of the accepted types' extensions. */
export function typeClaimedBy(fileName: string): DocumentType | null {
  const extension = extensionOf(fileName);
  const entry = Object.entries(extensionsOf).find(([, extensions]) => extensions.includes(extension));
  return entry ? (entry[0] as DocumentType) : null;
}
