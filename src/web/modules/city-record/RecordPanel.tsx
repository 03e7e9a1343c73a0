/**
 * The city console's record tab: the city's lifelong learning system as its officers keep it, year by
 * year (budget, staff, organisation, information systems), with committees and their meetings,
 * ordinances, staff training and events; the workbook to edit it all in Excel; the history of changes.
 */
import { useCallback, useState } from 'react';
import type { CityYearRecord, CommitteeItem } from '../../../shared/contracts/city-record.ts';
import type { PageOf } from '../../../shared/contracts/common.ts';
import {
  committeeKinds, eventKinds, memberRoles, memberSectors, ordinanceKinds, type Labelled,
} from '../../../shared/vocabulary/index.ts';
import { useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { Loaded } from '../../ui/Status.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';
import { ListEditor, type FieldSpec } from './ListEditor.tsx';
import { RecordHistory } from './RecordHistory.tsx';
import { RecordWorkbook } from './RecordWorkbook.tsx';
import { YearRecord } from './YearRecord.tsx';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';

export default function RecordPanel({ cityCode }: ConsolePanelProps) {
  const { t, label } = useLocale();
  const session = useSession();
  const canEdit = session.can('city.record.update', { cityCode });
  // Every save anywhere in the record shows in the history (and a fresh import in every list).
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  const recorded = useApi<PageOf<CityYearRecord>>(`/cities/${cityCode}/record/years?pageSize=100`);
  const [committee, setCommittee] = useState<CommitteeItem | null>(null);
  const thisYear = Number(todayInKorea().slice(0, 4));

  const options = (entries: readonly Labelled[]) => entries.map((e) => ({ value: e.code, label: label(e) }));
  const word = (entries: readonly Labelled[], code: unknown) => {
    const entry = entries.find((e) => e.code === code);
    return entry ? label(entry) : String(code ?? '—');
  };
  const yesNo = (value: unknown) => (value ? t('city-record.yes') : t('city-record.no'));
  const fieldsLabel = (group: string) => (key: string) => t(`city-record.${group}.${key}`);

  const committeeFields: FieldSpec[] = [
    { key: 'name', type: 'text', column: true }, { key: 'kind', type: 'select', options: options(committeeKinds.entries), column: true },
    { key: 'establishedOn', type: 'date', column: true }, { key: 'description', type: 'textarea' }, { key: 'active', type: 'checkbox', column: true },
  ];
  const memberFields: FieldSpec[] = [
    { key: 'name', type: 'text', column: true }, { key: 'affiliation', type: 'text', column: true },
    { key: 'sector', type: 'select', options: options(memberSectors.entries), column: true }, { key: 'role', type: 'select', options: options(memberRoles.entries), column: true },
    { key: 'joinedOn', type: 'date', column: true }, { key: 'leftOn', type: 'date', column: true },
  ];
  const meetingFields: FieldSpec[] = [
    { key: 'heldOn', type: 'date', column: true }, { key: 'title', type: 'text', column: true }, { key: 'attendees', type: 'number', column: true },
    { key: 'minutes', type: 'textarea' }, { key: 'decisions', type: 'lines', column: true },
    // The council page's fields (decision 030): what residents read once the meeting is published.
    { key: 'agenda', type: 'textarea' }, { key: 'place', type: 'text' }, { key: 'startsAt', type: 'time', nullable: true },
    { key: 'proposalIds', type: 'numbers' }, { key: 'surveyYears', type: 'numbers' }, { key: 'published', type: 'checkbox', initial: false, column: true },
  ];
  const ordinanceFields: FieldSpec[] = [
    { key: 'title', type: 'text', column: true }, { key: 'kind', type: 'select', options: options(ordinanceKinds.entries), column: true },
    { key: 'enactedOn', type: 'date', column: true }, { key: 'lastAmendedOn', type: 'date', column: true }, { key: 'repealedOn', type: 'date', column: true },
    { key: 'url', type: 'text', nullable: true },
  ];
  const trainingFields: FieldSpec[] = [
    { key: 'heldOn', type: 'date', column: true }, { key: 'title', type: 'text', column: true }, { key: 'provider', type: 'text', column: true },
    { key: 'hours', type: 'number', column: true }, { key: 'participants', type: 'number', column: true },
  ];
  const eventFields: FieldSpec[] = [
    { key: 'startsOn', type: 'date', column: true }, { key: 'endsOn', type: 'date' }, { key: 'title', type: 'text', column: true },
    { key: 'kind', type: 'select', options: options(eventKinds.entries), column: true }, { key: 'venueName', type: 'text', column: true },
    { key: 'dongCode', type: 'text', nullable: true }, { key: 'attendance', type: 'number', column: true }, { key: 'description', type: 'textarea' },
  ];

  return (
    <section aria-labelledby="record-title">
      <h2 className="lc-section-title" id="record-title">{t('city-record.title')}</h2>
      <p className="lc-lead">{t('city-record.lead')}</p>
      <Loaded state={recorded}>
        {(page) => {
          const years = [...new Set([thisYear + 1, thisYear, ...page.items.map((r) => r.year)])].sort((a, b) => b - a);
          return <YearRecord cityCode={cityCode} years={years} canEdit={canEdit} onSaved={() => { recorded.reload(); changed(); }} />;
        }}
      </Loaded>

      <ListEditor key={`committees:${changes}`} title={t('city-record.committees')} path={`/cities/${cityCode}/record/committees`} fields={committeeFields}
        labelOf={fieldsLabel('committeeFields')} canEdit={canEdit} onChanged={changed}
        display={(key, item) => (key === 'kind' ? word(committeeKinds.entries, item.kind) : key === 'active' ? yesNo(item.active) : undefined)}
        rowExtra={(item) => (
          <button type="button" className="krds-btn small secondary" aria-pressed={committee?.id === item.id} onClick={() => setCommittee(item as unknown as CommitteeItem)}>
            {t('city-record.showCommittee')}
          </button>
        )} />
      {committee && (
        <div className="lc-subsection">
          <ListEditor key={`members:${committee.id}:${changes}`} title={t('city-record.members', { name: committee.name })} path={`/cities/${cityCode}/record/committee-members`}
            filter={{ committee: committee.id }} fixed={{ committeeId: committee.id }} fields={memberFields} labelOf={fieldsLabel('memberFields')}
            canEdit={canEdit} onChanged={changed}
            display={(key, item) => (key === 'sector' ? word(memberSectors.entries, item.sector) : key === 'role' ? word(memberRoles.entries, item.role) : undefined)} />
          <ListEditor key={`meetings:${committee.id}:${changes}`} title={t('city-record.meetings', { name: committee.name })} path={`/cities/${cityCode}/record/committee-meetings`}
            filter={{ committee: committee.id }} fixed={{ committeeId: committee.id }} fields={meetingFields} labelOf={fieldsLabel('meetingFields')}
            canEdit={canEdit} onChanged={changed} display={(key, item) => (key === 'published' ? yesNo(item.published) : undefined)} />
        </div>
      )}
      <ListEditor key={`ordinances:${changes}`} title={t('city-record.ordinances')} path={`/cities/${cityCode}/record/ordinances`} fields={ordinanceFields}
        labelOf={fieldsLabel('ordinanceFields')} canEdit={canEdit} onChanged={changed}
        display={(key, item) => (key === 'kind' ? word(ordinanceKinds.entries, item.kind) : undefined)} />
      <ListEditor key={`trainings:${changes}`} title={t('city-record.trainings')} path={`/cities/${cityCode}/record/staff-trainings`} fields={trainingFields}
        labelOf={fieldsLabel('trainingFields')} canEdit={canEdit} onChanged={changed} />
      <ListEditor key={`events:${changes}`} title={t('city-record.events')} path={`/cities/${cityCode}/events`} fields={eventFields}
        labelOf={fieldsLabel('eventFields')} canEdit={canEdit} onChanged={changed}
        display={(key, item) => (key === 'kind' ? word(eventKinds.entries, item.kind) : undefined)} />

      <RecordWorkbook cityCode={cityCode} canEdit={canEdit} onImported={changed} />
      <RecordHistory key={changes} cityCode={cityCode} />
    </section>
  );
}
