/** Files are known by their bytes: real small documents of each type, and files that only pretend by their name. */
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import {
  sampleDocx, sampleHwp, sampleHwpx, sampleJpeg, samplePdf, samplePng, sampleXlsx, zip,
} from '../../../../tests/support/documents.ts';
import { sniffDocumentType, typeClaimedBy } from './sniff.ts';

describe('recognising documents by their bytes', () => {
  it.each([
    ['pdf', () => samplePdf()],
    ['xlsx', () => sampleXlsx()],
    ['docx', () => sampleDocx()],
    ['hwpx', () => sampleHwpx()],
    ['hwp', () => sampleHwp()],
    ['png', () => samplePng()],
    ['jpeg', () => sampleJpeg()],
  ] as const)('a real %s is recognised', async (type, make) => {
    expect(await sniffDocumentType(await make())).toBe(type);
  });

  it.each([
    ['a ZIP of text files', () => zip([{ name: 'readme.txt', data: '안내문' }])],
    ['a ZIP whose mimetype is another format (EPUB)', () => sampleHwpx('application/epub+zip')],
    ['a ZIP whose mimetype claims HWPX but is compressed', () => zip([{ name: 'mimetype', data: 'application/hwp+zip' }, { name: 'a.xml', data: '<a/>' }])],
    ['a compound file without an HWP header (an old .doc or .xls)', () => sampleHwp('Microsoft Word 97')],
    ['a compound file without any FileHeader stream', () => {
      const container = CFB.utils.cfb_new();
      CFB.utils.cfb_add(container, 'WordDocument', Buffer.from('text'));
      return Buffer.from(CFB.write(container, { type: 'buffer' }) as Uint8Array);
    }],
    ['plain text that says it is HWP', () => Buffer.from('HWP Document File V5.00 — 사실은 텍스트입니다')],
    ['an HTML page', () => Buffer.from('<!doctype html><title>계획서</title>')],
    ['a truncated PDF header', () => Buffer.from('%PD')],
  ])('%s is refused', async (_what, make) => {
    expect(await sniffDocumentType(make())).toBeNull();
  });
});

describe('what a name claims', () => {
  it.each([
    ['사업계획서.PDF', 'pdf'], ['조례.hwp', 'hwp'], ['조례.hwpx', 'hwpx'], ['예산.xlsx', 'xlsx'], ['계획.docx', 'docx'],
    ['조직도.png', 'png'], ['사진.JPG', 'jpeg'], ['사진.jpeg', 'jpeg'], ['압축.zip', null], ['이름만', null], ['a.tar.gz', null],
  ] as const)('%s claims %s', (name, type) => {
    expect(typeClaimedBy(name)).toBe(type);
  });
});
