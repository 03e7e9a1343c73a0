/** What learners said about a program: averages per item once enough people answered, else how many did. */
import { useId } from 'react';
import type { SatisfactionSummary as Summary } from '../../../shared/contracts/satisfaction.ts';
import { satisfactionItemList } from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Loaded } from '../../ui/Status.tsx';

export function SatisfactionSummary({ programId }: { programId: number }) {
  const { t, label } = useLocale();
  const titleId = useId();
  const summary = useApi<Summary>(`/programs/${programId}/satisfaction`);
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="lc-section-title">{t('satisfaction.title')}</h2>
      <Loaded state={summary}>
        {({ averages, responses, minimumShown }) => averages === null
          ? <p>{t('satisfaction.tooFew', { count: responses, minimum: minimumShown })}</p>
          : (
            <>
              <p>{t('satisfaction.responses', { count: responses })}</p>
              <dl className="lc-scores">
                {satisfactionItemList.map((item) => (
                  <div key={item.code}>
                    <dt>{label(item)}</dt>
                    <dd>
                      <meter min={1} max={5} value={averages[item.code]} aria-hidden="true" />
                      <span>{t('satisfaction.average', { score: averages[item.code].toFixed(1) })}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
      </Loaded>
    </section>
  );
}
