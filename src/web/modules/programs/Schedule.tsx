import type { ProgramSummary } from '../../../shared/contracts/programs.ts';
import { useLocale } from '../../i18n/index.ts';
import { DateRange } from '../../ui/DateRange.tsx';
import { weeklyText } from './format.ts';

/** When a program runs: its first and last day, then its weekdays and hours; each part breaks only between parts. */
export function Schedule({ program }: { program: Pick<ProgramSummary, 'startsOn' | 'endsOn' | 'weekdays' | 'startTime' | 'endTime'> }) {
  const { locale } = useLocale();
  return <><DateRange from={program.startsOn} to={program.endsOn} /> · <span className="lc-nowrap">{weeklyText(program, locale)}</span></>;
}
