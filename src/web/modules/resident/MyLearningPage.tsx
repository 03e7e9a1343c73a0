/** The resident's own page. Their lifelong learning record (enrolments, hours, certificates) arrives with the enrolment issue. */
import { Link } from 'react-router';
import { roles } from '../../../shared/vocabulary/index.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { PageTitle } from '../../ui/Status.tsx';

export function MyLearningPage() {
  const { t, label } = useLocale();
  const { me, ready } = useSession();
  if (!ready) return null;
  if (!me) return <p className="lc-notice">{t('common.loginNeeded')} <Link to="/login">{t('nav.login')}</Link></p>;
  return (
    <>
      <PageTitle title={t('resident.title')} lead={t('resident.lead')} />
      <h2 className="lc-section-title">{t('identity.account')}</h2>
      <dl className="lc-facts">
        <dt>{t('identity.displayName')}</dt><dd>{me.displayName}</dd>
        <dt>{t('identity.email')}</dt><dd>{me.email}</dd>
        <dt>{t('identity.roles')}</dt>
        <dd>{[label(roles.get('resident')), ...me.grants.map((g) => `${label(roles.get(g.role))}${g.scopeName ? ` · ${g.scopeName}` : ''}`)].join(', ')}</dd>
      </dl>
      <p><Link className="krds-btn primary" to="/programs">{t('nav.programs')}</Link></p>
    </>
  );
}
