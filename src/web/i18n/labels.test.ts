import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { ko } from './ko.ts';

describe('the labels of a program’s facts', () => {
  // The program page lists these one under another: two alike ("Places" twice) leave a reader guessing.
  const facts = ['institution', 'place', 'schedule', 'fee', 'capacity', 'places', 'target', 'credits', 'instructor', 'materials', 'registration', 'enrolmentPeriod'] as const;
  for (const [language, texts] of [['ko', ko], ['en', en]] as const) {
    it(`are all different in ${language}`, () => {
      const labels = facts.map((key) => texts.programs[key]);
      expect(new Set(labels).size, labels.join(' | ')).toBe(facts.length);
    });
  }
});
