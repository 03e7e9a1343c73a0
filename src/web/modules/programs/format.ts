/** How program facts read in each language. */
import type { ProgramSummary } from '../../../shared/contracts/programs.ts';
import { weekdays as weekdayVocabulary } from '../../../shared/vocabulary/index.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function feeText(feeKrw: number, t: Translate, number: (n: number) => string): string {
  return feeKrw === 0 ? t('programs.free') : t('programs.won', { amount: number(feeKrw) });
}

export function scheduleText(program: Pick<ProgramSummary, 'weekdays' | 'startTime' | 'endTime' | 'startsOn' | 'endsOn'>, locale: 'ko' | 'en'): string {
  const days = program.weekdays.map((d) => weekdayVocabulary.get(d)[locale]).join(locale === 'en' ? ', ' : '·');
  return `${program.startsOn} ~ ${program.endsOn} · ${days} ${program.startTime}–${program.endTime}`;
}

export function titleIn(program: { title: string; titleEn: string | null }, locale: 'ko' | 'en'): string {
  return locale === 'en' && program.titleEn ? program.titleEn : program.title;
}
