/**
 * An institution's colleagues (동료): everyone who works there sees who does and in which role; its managers
 * invite people by email, change roles, revoke, withdraw invitations and read the log of every change.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Colleague, ColleagueLogEntry, InvitationSent, InvitationView, InviteBody } from '../../../shared/contracts/colleagues.ts';
import type { InstitutionDetail } from '../../../shared/contracts/institutions.ts';
import { colleagueChanges, institutionRoleList, institutionRoles, type InstitutionRoleCode } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { Loaded, PageTitle } from '../../ui/Status.tsx';

/** Tells the page something changed (and what, to say so). */
type Changed = (message?: string) => void;

/** A role's name: as a label, or inside an English sentence (lower case). */
function useRoleName() {
  const { label, locale } = useLocale();
  return (code: InstitutionRoleCode, inSentence = false) => {
    const name = label(institutionRoles.get(code));
    return inSentence && locale === 'en' ? name.toLowerCase() : name;
  };
}

function InviteForm({ institutionId, onSent }: { institutionId: number; onSent(): void }) {
  const { t, dateTime } = useLocale();
  const field = useFieldLabels('institutions/invitations');
  const roleName = useRoleName();
  const [form, setForm] = useState<InviteBody>({ email: '', role: 'institution_staff' });
  const [sent, setSent] = useState<InvitationSent | null>(null);
  const submission = useSubmission(async () => {
    setSent(null);
    setSent(await api<InvitationSent>(`/institutions/${institutionId}/invitations`, { method: 'POST', body: form }));
    setForm({ ...form, email: '' });
  }, onSent);
  const link = sent ? `${window.location.origin}${sent.link}` : '';
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h2 className="lc-section-title">{t('colleagues.invite.title')}</h2>
      <TextField label={field('email')} type="email" autoComplete="off" required maxLength={254} value={form.email}
        error={submission.fieldError('email')} onChange={(e) => setForm({ ...form, email: e.target.value })} />
      <ChoiceGroup legend={t('colleagues.invite.role')} type="radio" selected={[form.role]}
        options={institutionRoleList.map((r) => ({ value: r.code, label: `${roleName(r.code)} — ${t(`colleagues.roleHelp.${r.code}`)}` }))}
        onChange={(value) => setForm({ ...form, role: value as InstitutionRoleCode })} />
      <FormStatus error={submission.formError(['email', 'role'])} />
      {sent && (
        <div className="lc-notice success" role="status">
          <p>{t('colleagues.invite.sent', { email: sent.email, until: dateTime(sent.expiresAt) })}</p>
          <TextField label={t('colleagues.invite.linkLabel')} readOnly value={link} onFocus={(e) => e.target.select()} />
          <CopyButton text={link} label={t('colleagues.invite.copy')} copied={t('colleagues.invite.copied')} failed={t('colleagues.invite.copyFailed')} />
        </div>
      )}
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('colleagues.invite.send')}</button></div>
    </form>
  );
}

/** One colleague; a manager changes their role or revokes it right in the row (what happened is said at the top). */
function ColleagueRow({ colleague, institutionId, manage, onChanged }: { colleague: Colleague; institutionId: number; manage: boolean; onChanged: Changed }) {
  const { t, date } = useLocale();
  const roleName = useRoleName();
  const { me, refresh } = useSession();
  const [role, setRole] = useState(colleague.role);
  const self = me?.personId === colleague.personId;
  // A change to one's own role changes what one may do here: the session is read again.
  const done = (message: string) => {
    onChanged(message);
    if (self) void refresh();
  };
  const change = useSubmission(async () => {
    const changed = await api<Colleague>(`/institutions/${institutionId}/colleagues/${colleague.personId}`, { method: 'PATCH', body: { role } });
    done(t('colleagues.list.changed', { name: colleague.displayName, role: roleName(changed.role, true) }));
  });
  const revoke = useSubmission(async () => {
    await api(`/institutions/${institutionId}/colleagues/${colleague.personId}`, { method: 'DELETE' });
    done(t('colleagues.list.revoked', { name: colleague.displayName }));
  });
  const selectId = `role-${colleague.personId}`;
  return (
    <tr>
      <th scope="row">
        {colleague.displayName}{self && ` (${t('colleagues.list.me')})`}
        <div className="lc-meta" style={{ overflowWrap: 'anywhere' }}>{colleague.email}</div>
      </th>
      <td>{roleName(colleague.role)}</td>
      <td className="lc-nowrap">{date(colleague.since)}</td>
      {manage && (
        <td>
          <form className="lc-form-row" onSubmit={change.onSubmit}>
            <label className="sr-only" htmlFor={selectId}>{t('colleagues.list.roleOf', { name: colleague.displayName })}</label>
            <select id={selectId} className="krds-form-select" value={role} onChange={(e) => setRole(e.target.value as InstitutionRoleCode)}>
              {institutionRoleList.map((r) => <option key={r.code} value={r.code}>{roleName(r.code)}</option>)}
            </select>
            <button type="submit" className="krds-btn small secondary" disabled={change.busy || role === colleague.role}>
              {t('colleagues.list.change')}<span className="sr-only"> ({colleague.displayName})</span>
            </button>
          </form>
          <FormStatus error={change.formError()} />
          <ConfirmAction label={t('colleagues.list.revoke')} question={t('colleagues.list.revokeQuestion', { name: colleague.displayName, role: roleName(colleague.role, true) })}
            yes={t('colleagues.list.revokeYes')} no={t('colleagues.list.keep')} busy={revoke.busy} onConfirm={revoke.onSubmit}>
            <FormStatus error={revoke.formError()} />
          </ConfirmAction>
        </td>
      )}
    </tr>
  );
}

function ColleagueList({ institutionId, manage, onChanged }: { institutionId: number; manage: boolean; onChanged: Changed }) {
  const { t } = useLocale();
  return (
    <PagedTable<Colleague> path={`/institutions/${institutionId}/colleagues`} title={t('colleagues.list.title')}
      count={(total) => t('colleagues.list.count', { total })}
      columns={[t('colleagues.list.name'), t('colleagues.list.role'), t('colleagues.list.since'), ...(manage ? [t('colleagues.list.actions')] : [])]}
      row={(c) => <ColleagueRow key={c.personId} colleague={c} institutionId={institutionId} manage={manage} onChanged={onChanged} />} />
  );
}

function InvitationRow({ invitation, institutionId, onChanged }: { invitation: InvitationView; institutionId: number; onChanged: Changed }) {
  const { t, dateTime } = useLocale();
  const roleName = useRoleName();
  const withdraw = useSubmission(async () => {
    await api(`/institutions/${institutionId}/invitations/${invitation.id}`, { method: 'DELETE' });
    onChanged(t('colleagues.invitations.withdrawn', { email: invitation.email }));
  });
  return (
    <tr>
      <th scope="row" style={{ overflowWrap: 'anywhere' }}>{invitation.email}</th>
      <td>{roleName(invitation.role)}</td>
      <td>{invitation.invitedByName}</td>
      <td>
        {dateTime(invitation.expiresAt)}
        {invitation.expired && <div><span className="krds-badge bg-light-gray">{t('colleagues.invitations.expired')}</span> <span className="lc-meta">{t('colleagues.invitations.expiredHint')}</span></div>}
      </td>
      <td>
        <form onSubmit={withdraw.onSubmit}>
          <button type="submit" className="krds-btn small tertiary" disabled={withdraw.busy} aria-label={t('colleagues.invitations.withdrawLabel', { email: invitation.email })}>
            {t('colleagues.invitations.withdraw')}
          </button>
        </form>
        <FormStatus error={withdraw.formError()} />
      </td>
    </tr>
  );
}

function Invitations({ institutionId, onChanged }: { institutionId: number; onChanged: Changed }) {
  const { t } = useLocale();
  return (
    <PagedTable<InvitationView> path={`/institutions/${institutionId}/invitations`} title={t('colleagues.invitations.title')} none={t('colleagues.invitations.none')}
      columns={[t('colleagues.invitations.email'), t('colleagues.invitations.role'), t('colleagues.invitations.invitedBy'), t('colleagues.invitations.until'),
        <span key="withdraw" className="sr-only">{t('colleagues.invitations.withdraw')}</span>]}
      row={(invitation) => <InvitationRow key={invitation.id} invitation={invitation} institutionId={institutionId} onChanged={onChanged} />} />
  );
}

function ChangeLog({ institutionId }: { institutionId: number }) {
  const { t, label, dateTime } = useLocale();
  const roleName = useRoleName();
  const role = (code: InstitutionRoleCode | null) => (code ? roleName(code) : '—');
  return (
    <PagedTable<ColleagueLogEntry> path={`/institutions/${institutionId}/colleague-log`} title={t('colleagues.log.title')} lead={t('colleagues.log.lead')}
      none={t('colleagues.log.none')} columns={(['when', 'change', 'whom', 'roles', 'by'] as const).map((c) => t(`colleagues.log.${c}`))}
      row={(entry) => (
        <tr key={entry.id}>
          <td className="lc-nowrap"><time dateTime={entry.occurredAt}>{dateTime(entry.occurredAt)}</time></td>
          <td>{label(colleagueChanges.get(entry.change))}</td>
          <td>{entry.personName ?? ''}<div className="lc-meta" style={{ overflowWrap: 'anywhere' }}>{entry.email}</div></td>
          <td>{role(entry.roleBefore)} → {role(entry.roleAfter)}</td>
          <td>{entry.actorName}</td>
        </tr>
      )} />
  );
}

export function ColleaguesPage() {
  const { t, locale } = useLocale();
  const session = useSession();
  const id = Number(useParams().id);
  const institution = useApi<InstitutionDetail>(`/institutions/${id}`);
  // A change (an invitation, a role, a revocation) is said at the top and reloads the lists and the log from their first page.
  const [change, setChange] = useState({ version: 0, message: '' });
  const changed: Changed = (message = '') => setChange((c) => ({ version: c.version + 1, message }));
  // The row that was acted on is drawn anew: the keyboard goes to what happened, not to the top of the page.
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (change.message) status.current?.focus();
  }, [change]);
  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  return (
    <Loaded state={institution}>
      {(i) => {
        const scope = { institutionId: i.id, cityCode: i.cityCode };
        const name = locale === 'en' && i.nameEn ? i.nameEn : i.name;
        if (!session.can('institution.colleagues.view', scope)) return <p className="lc-notice">{t('colleagues.notAllowed')}</p>;
        const manage = session.can('institution.colleagues.manage', scope);
        return (
          <>
            <p><Link to={`/institutions/${i.id}`}>{t('colleagues.back', { name })}</Link></p>
            <PageTitle title={`${t('colleagues.title')} · ${name}`} lead={manage ? t('colleagues.lead') : t('colleagues.leadReadOnly')} />
            <p role="status" tabIndex={-1} ref={status} className={change.message ? 'lc-notice success' : 'sr-only'}>{change.message}</p>
            {manage && <InviteForm institutionId={i.id} onSent={() => changed()} />}
            <ColleagueList key={`colleagues-${change.version}`} institutionId={i.id} manage={manage} onChanged={changed} />
            {manage && <Invitations key={`invitations-${change.version}`} institutionId={i.id} onChanged={changed} />}
            {manage && <ChangeLog key={`log-${change.version}`} institutionId={i.id} />}
          </>
        );
      }}
    </Loaded>
  );
}
