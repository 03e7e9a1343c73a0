/** One listing of a comparison, as a resident would read it, with whose it is; a pair side by side; and how similarity reads. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CopyPair, CopySide } from '../../../shared/contracts/copies.ts';
import { programAreas } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';

/** 0.1234 → 12.3 (for tables and charts). */
export const percentValue = (share: number) => Math.round(share * 1000) / 10;
/** 0.1234 → "12.3%". */
export const percent = (share: number) => `${percentValue(share)}%`;

export function ListingCard({ side, heading, children }: { side: CopySide; heading: string; children?: ReactNode }) {
  const { locale, label } = useLocale();
  return (
    <article className="lc-card">
      <p className="lc-hint">{heading}</p>
      <h4><Link to={`/programs/${side.programId}`}>{side.title}</Link></h4>
      <p className="lc-hint">{side.institutionName} · {locale === 'en' ? side.cityNameEn : side.cityNameKo} · {label(programAreas.get(side.area))}</p>
      <p className="lc-excerpt">{side.excerpt}</p>
      {children}
    </article>
  );
}

/** A program beside the other institution's program it nearly repeats; `owner` names whose the first one is. */
export function PairItem({ pair, owner }: { pair: CopyPair; owner: string }) {
  const { t } = useLocale();
  return (
    <li className="lc-pair" aria-label={t('copies.pairLabel', { ours: pair.ours.title, theirs: pair.theirs.title, percent: percent(pair.similarity) })}>
      <p className="lc-pair-similarity"><span className="krds-badge bg-light-primary">{t('copies.similarityValue', { percent: percent(pair.similarity) })}</span></p>
      <div className="lc-pair-sides">
        <ListingCard side={pair.ours} heading={t('copies.ours', { owner })} />
        <ListingCard side={pair.theirs} heading={t('copies.theirs')} />
      </div>
    </li>
  );
}
