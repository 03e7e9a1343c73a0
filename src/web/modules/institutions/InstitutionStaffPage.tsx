/** A page of an institution (/institutions/:id/…) for those it allows: loads the institution, asks to log in, or says who may. */
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import type { Permission } from '../../../shared/permissions.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { Loaded } from '../../ui/Status.tsx';

export function InstitutionStaffPage({ permission, notAllowed, children }: { permission: Permission; notAllowed: string; children: (institution: InstitutionDetail) => ReactNode }) {
  const { id } = useParams();
  const { t } = useLocale();
  const session = useSession();
  const institution = useApi<InstitutionDetail>(`/institutions/${Number(id)}`);
  if (!session.ready) return <p>{t('common.loading')}</p>;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={institution}>
      {(i) => (session.can(permission, { institutionId: i.id, cityCode: i.cityCode }) ? children(i) : <p className="lc-notice">{notAllowed}</p>)}
    </Loaded>
  );
}
