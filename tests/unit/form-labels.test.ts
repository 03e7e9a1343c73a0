/**
 * Issue 11, finding 4 (decision 018): a form names each field as the server's messages do. Every control that shows
 * the server's problem with a field (`fieldError('x')`) takes its label from the shared vocabulary
 * (`useFieldLabels(area)`, src/shared/vocabulary/fields.ts), never from a module's own words; and a route's area finds
 * the words its form uses before the words of the module's other forms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldLabel, labelAreaOf } from '../../src/shared/vocabulary/index.ts';

const webRoot = path.resolve(import.meta.dirname, '../../src/web');
const pages = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
  .flatMap((entry) => (entry.isDirectory() ? pages(path.join(dir, entry.name)) : entry.name.endsWith('.tsx') ? [path.join(dir, entry.name)] : []));

describe('form labels', () => {
  it('come from the shared vocabulary for every field the server may refuse', () => {
    const ownWords: string[] = [];
    for (const file of pages(webRoot)) {
      const source = readFileSync(file, 'utf8');
      for (const control of source.matchAll(/<(TextField|SelectField|TextArea|ChoiceGroup|NewPasswordField)\b([\s\S]*?)\/>/g)) {
        const field = /fieldError\('([^']+)'\)/.exec(control[2]!)?.[1];
        const label = /(?:label|legend)=\{([^}]*)\}/.exec(control[2]!)?.[1];
        if (field && label && !new RegExp(`^\\w+\\('${field.replace(/\./g, '\\.')}'\\)$`).test(label.trim())) {
          ownWords.push(`${path.relative(webRoot, file)}: ${field} labelled ${label}`);
        }
      }
    }
    expect(ownWords).toEqual([]);
  });

  it("are found for a route's own form first, then for its module's", () => {
    expect(labelAreaOf('/api/programs/:id/copy')).toBe('programs/copy');
    expect(labelAreaOf('/api/institutions/:id/agreements/:agreementId/end')).toBe('institutions/agreements/end');
    expect(fieldLabel('startsOn', 'ko', 'programs/copy')).toBe('새 학기 시작일');
    expect(fieldLabel('startsOn', 'ko', 'programs')).toBe('첫 수업일');
    expect(fieldLabel('startsOn', 'ko', 'institutions/agreements')).toBe('시작일');
    expect(fieldLabel('reason', 'en', 'institutions/agreements/end')).toBe('Why it ends');
    expect(fieldLabel('title', 'ko', 'cities/registration-openings')).toBe('이름');
  });
});
