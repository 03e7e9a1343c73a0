/**
 * PDF documents with Korean text: pdfmake with KRDS's Pretendard GOV font (the built-in fonts drop Hangul).
 * Documents may not fetch URLs or read files other than the font.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type PdfmakeLibrary from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const fontsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('krds-uiux/package.json')), 'resources/fonts');

// Loaded and configured on first use: only documents need it, and the server starts faster without it.
type Pdfmake = typeof PdfmakeLibrary;
let pdfmakeModule: Promise<Pdfmake> | undefined;

async function loadPdfmake(): Promise<Pdfmake> {
  // A CommonJS package: Node gives its exports as `default`.
  const pdfmake = ((await import('pdfmake')) as unknown as { default: Pdfmake }).default;
  pdfmake.setFonts({
    Pretendard: {
      normal: path.join(fontsDir, 'PretendardGOV-Regular.subset.woff'),
      bold: path.join(fontsDir, 'PretendardGOV-Bold.subset.woff'),
      italics: path.join(fontsDir, 'PretendardGOV-Regular.subset.woff'),
      bolditalics: path.join(fontsDir, 'PretendardGOV-Bold.subset.woff'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  (pdfmake as unknown as { setLocalAccessPolicy(allow: (file: string) => boolean): void }).setLocalAccessPolicy((file) => file.startsWith(fontsDir));
  return pdfmake;
}

export async function renderPdf(document: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await (pdfmakeModule ??= loadPdfmake());
  const output = pdfmake.createPdf({ ...document, defaultStyle: { font: 'Pretendard', fontSize: 10, ...document.defaultStyle } });
  return (await (output as unknown as { getBuffer(): Promise<Buffer> }).getBuffer());
}
