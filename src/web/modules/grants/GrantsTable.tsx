/** Grants in a table with their money; each row opens the grant below (the button names which). */
import type { GrantSummary } from '../../../shared/contracts/grants.ts';
import { grantKinds } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { useWon } from './won.ts';

/** `viewer`: the city whose list it is; a consortium grant it only takes part in says so, naming the lead city. */
export function GrantsTable({ grants, onOpen, viewer }: { grants: GrantSummary[]; onOpen(id: number): void; viewer?: string }) {
  const { t, label, locale } = useLocale();
  const won = useWon();
  return (
    <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('grants.list')}>
      <table className="lc-table">
        <thead>
          <tr>
            <th scope="col">{t('grants.city')}</th><th scope="col">{t('grants.year')}</th><th scope="col">{t('grants.kind')}</th>
            <th scope="col" className="num">{t('grants.awarded')}</th><th scope="col" className="num">{t('grants.spent')}</th>
            <th scope="col" className="num">{t('grants.balance')}</th><th scope="col" className="num">{t('grants.pending')}</th><th scope="col"><span className="sr-only">{t('grants.open')}</span></th>
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => {
            const city = locale === 'en' ? g.cityNameEn : g.cityNameKo;
            const kind = label(grantKinds.get(g.kind));
            return (
              <tr key={g.id}>
                <td>{viewer && g.cityCode !== viewer ? t('grants.memberOf', { city }) : city}</td><td>{g.year}</td><td>{kind}</td>
                <td className="num">{won(g.awarded)}</td><td className="num">{won(g.spent)}</td>
                <td className="num">{won(g.balance)}</td><td className="num">{won(g.pending)}</td>
                <td><button type="button" className="krds-btn tertiary" aria-label={t('grants.openGrant', { city, year: g.year, kind })} onClick={() => onOpen(g.id)}>{t('grants.open')}</button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
