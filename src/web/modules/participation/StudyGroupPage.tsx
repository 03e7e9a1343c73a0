/**
 * One study group: what, where, when, the city's support; joining and leaving; for members, who is in it and the
 * meetings; for its leader, recording a meeting and removing members; for the city's officers, deciding its support.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { StudyGroupView } from '../../../shared/contracts/participation.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { studyGroupSupports } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { GroupFacts } from './StudyGroupsPage.tsx';

type Changed = (group: StudyGroupView) => void;

export function StudyGroupPage() {
  const { code = '', id = '' } = useParams();
  const { t } = useLocale();
  const session = useSession();
  const loaded = useApi<StudyGroupView>(`/cities/${code}/study-groups/${id}`);
  const [changed, setChanged] = useState<StudyGroupView | null>(null);
  return (
    <Loaded state={loaded}>
      {(fetched) => {
        const g = changed ?? fetched;
        return (
          <article className="lc-section">
            <p><Link to={`/cities/${code}/study-groups`}>{t('participation.backToGroups')}</Link></p>
            <h1 className="lc-title">{g.name}</h1>
            <GroupFacts group={g} />
            <p>{g.description}</p>
            <dl className="lc-facts">
              <dt>{t('participation.whereMeets')}</dt><dd>{g.meetingPlace || '—'}</dd>
              <dt>{t('participation.whenMeets')}</dt><dd>{g.meetingPattern || '—'}</dd>
            </dl>
            <Membership group={g} onChanged={setChanged} />
            {g.memberList ? <Members group={g} onChanged={setChanged} /> : <p className="lc-meta">{t('participation.membersPrivate')}</p>}
            {g.meetingList && <Meetings group={g} />}
            {g.myRole === 'leader' && <MeetingForm group={g} onChanged={setChanged} />}
            {session.can('study_groups.support', { cityCode: code }) && <SupportForm group={g} onChanged={setChanged} />}
          </article>
        );
      }}
    </Loaded>
  );
}

const groupUrl = (g: StudyGroupView) => `/cities/${g.cityCode}/study-groups/${g.id}`;

function Membership({ group, onChanged }: { group: StudyGroupView; onChanged: Changed }) {
  const { t } = useLocale();
  const { me } = useSession();
  const join = useSubmission(async () => onChanged(await api<StudyGroupView>(`${groupUrl(group)}/members`, { method: 'POST' })));
  const leave = useSubmission(async () => onChanged(await api<StudyGroupView>(`${groupUrl(group)}/members/${me!.personId}`, { method: 'DELETE' })));
  if (!me) return <LoginPrompt message={t('participation.loginToJoin')} />;
  if (group.myRole === 'leader') return <p className="lc-notice success">{t('participation.youLead')}</p>;
  if (group.myRole === 'member') {
    return (
      <form onSubmit={leave.onSubmit}>
        <p className="lc-notice success" role="status">{t('participation.youMember')}</p>
        <FormStatus error={leave.formError()} />
        <button type="submit" className="krds-btn secondary" disabled={leave.busy}>{t('participation.leave')}</button>
      </form>
    );
  }
  if (me.homeCityCode !== group.cityCode) return <p className="lc-meta">{t('participation.notResident')}</p>;
  return (
    <form onSubmit={join.onSubmit}>
      <FormStatus error={join.formError()} />
      <button type="submit" className="krds-btn primary" disabled={join.busy}>{t('participation.join')}</button>
    </form>
  );
}

function Members({ group, onChanged }: { group: StudyGroupView; onChanged: Changed }) {
  const { t, date, number } = useLocale();
  return (
    <section aria-labelledby="group-members">
      <h2 id="group-members" className="lc-section-title">{t('participation.members')} ({group.members})</h2>
      <ul className="lc-plain-list">
        {group.memberList!.map((m) => (
          <li key={m.personId}>
            {m.displayName} · {t(`participation.role_${m.role}`)} · {t('participation.since', { date: date(m.joinedOn) })} · {t('participation.memberHours', { hours: number(m.hours) })}
            {group.myRole === 'leader' && m.role === 'member' && <RemoveMember group={group} personId={m.personId} name={m.displayName} onChanged={onChanged} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RemoveMember({ group, personId, name, onChanged }: { group: StudyGroupView; personId: number; name: string; onChanged: Changed }) {
  const { t } = useLocale();
  const remove = useSubmission(async () => onChanged(await api<StudyGroupView>(`${groupUrl(group)}/members/${personId}`, { method: 'DELETE' })));
  return (
    <form className="lc-inline-form" onSubmit={remove.onSubmit}>
      <FormStatus error={remove.formError()} />
      <button type="submit" className="krds-btn tertiary small" aria-label={`${t('participation.remove')}: ${name}`} disabled={remove.busy}>{t('participation.remove')}</button>
    </form>
  );
}

function Meetings({ group }: { group: StudyGroupView }) {
  const { t, date, number } = useLocale();
  return (
    <section aria-labelledby="group-meetings">
      <h2 id="group-meetings" className="lc-section-title">{t('participation.meetings')}</h2>
      {group.meetingList!.length === 0 ? <p>{t('participation.noMeetings')}</p> : (
        <ul>
          {group.meetingList!.map((m) => (
            <li key={m.id}>{date(m.heldOn)} · {t('participation.hoursShort', { hours: number(m.hours) })}{m.topic && ` · ${m.topic}`} · {t('participation.attended', { count: m.attendees.length })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MeetingForm({ group, onChanged }: { group: StudyGroupView; onChanged: Changed }) {
  const { t } = useLocale();
  const field = useFieldLabels('cities/study-groups');
  const [heldOn, setHeldOn] = useState(todayInKorea());
  const [hours, setHours] = useState('2');
  const [topic, setTopic] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const send = useSubmission(async () => {
    onChanged(await api<StudyGroupView>(`${groupUrl(group)}/meetings`, {
      method: 'POST', body: { heldOn, hours: Number(hours), topic, attendeeIds: attendees.map(Number) },
    }));
    setAttendees([]);
    setTopic('');
  });
  return (
    <section aria-labelledby="record-meeting" className="lc-section">
      <h2 id="record-meeting" className="lc-section-title">{t('participation.recordTitle')}</h2>
      <p>{t('participation.recordLead')}</p>
      <form className="lc-form" onSubmit={send.onSubmit} noValidate>
        <div className="lc-field-grid">
          <TextField label={field('heldOn')} type="date" value={heldOn} max={todayInKorea()} required error={send.fieldError('heldOn')} onChange={(e) => setHeldOn(e.target.value)} />
          <TextField label={field('hours')} type="number" inputMode="decimal" min={0.5} max={12} step={0.5} value={hours} required error={send.fieldError('hours')} onChange={(e) => setHours(e.target.value)} />
        </div>
        <TextField label={field('topic')} value={topic} maxLength={200} error={send.fieldError('topic')} onChange={(e) => setTopic(e.target.value)} />
        <ChoiceGroup legend={field('attendeeIds')} type="checkbox" selected={attendees} error={send.fieldError('attendeeIds')}
          options={group.memberList!.map((m) => ({ value: String(m.personId), label: m.displayName }))}
          onChange={(value, on) => setAttendees(on ? [...attendees, value] : attendees.filter((v) => v !== value))} />
        <FormStatus error={send.formError(['heldOn', 'hours', 'topic', 'attendeeIds'])} />
        <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('participation.recordSend')}</button></div>
      </form>
    </section>
  );
}

function SupportForm({ group, onChanged }: { group: StudyGroupView; onChanged: Changed }) {
  const { t, label, dateTime, number } = useLocale();
  const field = useFieldLabels('cities/study-groups');
  const [support, setSupport] = useState<'supported' | 'funded' | 'declined'>('funded');
  const [amountWon, setAmountWon] = useState('');
  const [year, setYear] = useState(todayInKorea().slice(0, 4));
  const [note, setNote] = useState('');
  const send = useSubmission(async () => onChanged(await api<StudyGroupView>(`${groupUrl(group)}/support`, {
    method: 'PUT',
    body: {
      support, note,
      ...(support === 'funded' && amountWon ? { amountWon: Number(amountWon) } : {}),
      ...(support !== 'declined' && year ? { year: Number(year) } : {}),
    },
  })));
  return (
    <section aria-labelledby="group-support" className="lc-section">
      <h2 id="group-support" className="lc-section-title">{t('participation.supportTitle')}</h2>
      <form className="lc-form" onSubmit={send.onSubmit} noValidate>
        <SelectField label={field('support')} value={support} error={send.fieldError('support')} onChange={(e) => setSupport(e.target.value as typeof support)}
          options={(['supported', 'funded', 'declined'] as const).map((code) => ({ value: code, label: label(studyGroupSupports.get(code)) }))} />
        <div className="lc-field-grid">
          {support === 'funded' && (
            <TextField label={field('amountWon')} type="number" inputMode="numeric" min={1} step={1} value={amountWon} required error={send.fieldError('amountWon')} onChange={(e) => setAmountWon(e.target.value)} />
          )}
          {support !== 'declined' && (
            <TextField label={field('year')} type="number" inputMode="numeric" min={2000} max={2100} value={year} required error={send.fieldError('year')} onChange={(e) => setYear(e.target.value)} />
          )}
        </div>
        <TextArea label={field('note')} value={note} maxLength={1000} rows={2} required={support === 'declined'} error={send.fieldError('note')} onChange={(e) => setNote(e.target.value)} />
        <FormStatus error={send.formError(['support', 'amountWon', 'year', 'note'])} />
        <div><button type="submit" className="krds-btn primary" disabled={send.busy}>{t('participation.supportSend')}</button></div>
      </form>
      {group.supportLog && group.supportLog.length > 0 && (
        <>
          <h3 className="lc-group-title">{t('participation.supportLog')}</h3>
          <ol>
            {group.supportLog.map((entry, i) => (
              <li key={i}>
                {dateTime(entry.at)} · {label(studyGroupSupports.get(entry.support))}{entry.amountWon !== null && ` · ${t('participation.amount', { amount: number(entry.amountWon) })}`}{entry.year !== null && ` · ${entry.year}`} · {entry.actorName}{entry.note && ` · ${entry.note}`}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
