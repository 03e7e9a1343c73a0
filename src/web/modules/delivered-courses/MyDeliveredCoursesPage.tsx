/**
 * A resident's delivered courses (/me/delivered-courses): the requests they organised or joined, joining a group by
 * its invite code (the invite link opens this page with ?code=), and the way to a new request.
 */
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { DeliveredCourseSettings, DeliveredCourseSummary, DeliveredCourseView } from '../../../shared/contracts/delivered-courses.ts';
import { DEFAULT_MIN_GROUP_SIZE } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';
import { DeliveredCourseCard } from './DeliveredCourseCard.tsx';

export function MyDeliveredCoursesPage() {
  const { t } = useLocale();
  const { me } = useSession();
  if (!me) return <><PageTitle title={t('delivered-courses.title')} /><LoginPrompt /></>;
  return <Mine cityCode={me.homeCityCode} />;
}

function Mine({ cityCode }: { cityCode: string | null }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const mine = useApi<PageOf<DeliveredCourseSummary>>(`/me/delivered-courses?page=${page}&pageSize=10`);
  const settings = useApi<DeliveredCourseSettings>(cityCode ? `/cities/${cityCode}/delivered-courses/settings` : null);
  return (
    <>
      <PageTitle title={t('delivered-courses.title')} lead={t('delivered-courses.lead', { size: settings.data?.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE })} />
      {cityCode ? (
        <>
          <p><Link className="krds-btn primary" to="/me/delivered-courses/new">{t('delivered-courses.newRequest')}</Link></p>
          <JoinForm cityCode={cityCode} />
        </>
      ) : <p className="lc-notice">{t('delivered-courses.notResident')}</p>}
      <section aria-labelledby="mine" className="lc-section">
        <h2 id="mine" className="lc-section-title">{t('delivered-courses.mine')}</h2>
        <Loaded state={mine}>
          {(data) => data.items.length === 0 ? <p>{t('delivered-courses.none')}</p> : (
            <>
              <ul className="lc-cards lc-plain-list">
                {data.items.map((r) => <li key={r.id}><DeliveredCourseCard request={r} to={`/me/delivered-courses/${r.id}`} /></li>)}
              </ul>
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
            </>
          )}
        </Loaded>
      </section>
    </>
  );
}

function JoinForm({ cityCode }: { cityCode: string }) {
  const { t } = useLocale();
  const field = useFieldLabels('cities/delivered-courses/join');
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [code, setCode] = useState(search.get('code') ?? '');
  const send = useSubmission(async () => {
    const joined = await api<DeliveredCourseView>(`/cities/${cityCode}/delivered-courses/join`, { method: 'POST', body: { inviteCode: code.trim() } });
    void navigate(`/me/delivered-courses/${joined.id}`);
  });
  return (
    <section aria-labelledby="join" className="lc-section">
      <h2 id="join" className="lc-section-title">{t('delivered-courses.joinTitle')}</h2>
      <p>{t('delivered-courses.joinLead')}</p>
      <form className="lc-form lc-controls" onSubmit={send.onSubmit} noValidate>
        <TextField label={field('inviteCode')} value={code} maxLength={8} autoCapitalize="characters" autoComplete="off" error={send.fieldError('inviteCode')}
          onChange={(e) => setCode(e.target.value)} />
        <FormStatus error={send.formError(['inviteCode'])} />
        <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('delivered-courses.join')}</button></div>
      </form>
    </section>
  );
}
