/**
 * An institution's network (/institutions/:id/network): its partnership agreements (propose, accept, withdraw,
 * end, attach the signed PDF), the rooms and equipment it offers partners, what partners offer it (book a slot),
 * the bookings either way (cancel), and the programs it runs with partners.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { InstitutionDetail, InstitutionSummary } from '../../../shared/contracts/institutions.ts';
import type { Agreement, Booking, JointProgram, OpeningHours, ProposeAgreementBody, ResourceBody, SharedResource } from '../../../shared/contracts/network.ts';
import {
  agreementStatuses, bookingStatuses, programAreaList, programAreas, programStatuses, resourceKindList, resourceKinds, weekdayList, weekdays,
  type AgreementStatus, type ProgramAreaCode, type ProgramStatus, type ResourceKind, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { todayInKorea } from '../../../shared/lib/korea-time.ts';
import { api, ApiError, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import { InstitutionStaffPage } from '../institutions/InstitutionStaffPage.tsx';

const statusBadge: Record<AgreementStatus, string> = { proposed: 'bg-light-warning', signed: 'bg-light-success', ended: 'bg-light-gray', withdrawn: 'bg-light-gray' };

export function NetworkPage() {
  const { t } = useLocale();
  return <InstitutionStaffPage permission="network.agreements.view" notAllowed={t('network.notAllowed')}>{(i) => <NetworkOffice institution={i} />}</InstitutionStaffPage>;
}

function NetworkOffice({ institution }: { institution: InstitutionDetail }) {
  const { t } = useLocale();
  const session = useSession();
  const scope = { institutionId: institution.id, cityCode: institution.cityCode };
  const manage = session.can('network.agreements.manage', scope);
  const offer = session.can('network.resources.manage', scope);
  const book = session.can('network.resources.book', scope);
  // Bookings are listed again when one is made or cancelled anywhere on the page.
  const [bookingsVersion, setBookingsVersion] = useState(0);
  const bookingsChanged = () => setBookingsVersion((v) => v + 1);
  return (
    <>
      <p><Link to={`/institutions/${institution.id}`}>{institution.name}</Link></p>
      <h1 className="lc-title">{t('network.title')}</h1>
      <p className="lc-lead">{t('network.lead', { institution: institution.name })}</p>
      <Agreements institution={institution} manage={manage} />
      {offer && <OwnResources institution={institution} />}
      {book && <PartnerResources institution={institution} onBooked={bookingsChanged} />}
      {book && <Bookings key={bookingsVersion} institution={institution} onChanged={bookingsChanged} />}
      <JointPrograms institution={institution} manage={manage} />
    </>
  );
}

// Agreements ---------------------------------------------------------------------------------------------------------

function Agreements({ institution, manage }: { institution: InstitutionDetail; manage: boolean }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<Agreement>>(`/institutions/${institution.id}/agreements${query({ page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="agreements-title">
      <h2 className="lc-section-title" id="agreements-title">{t('network.agreements.title')}</h2>
      <Loaded state={list}>
        {(result) => (
          <>
            {result.items.length === 0 && <p>{t('network.agreements.none')}</p>}
            <ul className="lc-card-list">
              {result.items.map((a) => <AgreementCard key={a.id} agreement={a} institution={institution} manage={manage} onChanged={list.reload} />)}
            </ul>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      {manage && <ProposeForm institution={institution} onProposed={list.reload} />}
    </section>
  );
}

function AgreementCard({ agreement, institution, manage, onChanged }: { agreement: Agreement; institution: InstitutionDetail; manage: boolean; onChanged(): void }) {
  const { t, label, date } = useLocale();
  const fieldInDocument = useFieldLabels('institutions/agreements/document');
  const fieldInEnd = useFieldLabels('institutions/agreements/end');
  const base = `/institutions/${institution.id}/agreements/${agreement.id}`;
  const mine = agreement.parties.find((p) => p.institutionId === institution.id);
  const act = (action: string, body?: unknown) => async () => { await api(`${base}/${action}`, { method: 'POST', body }); };
  const [reason, setReason] = useState('');
  const accept = useSubmission(act('accept'), onChanged);
  const withdraw = useSubmission(act('withdraw'), onChanged);
  const end = useSubmission(act('end', { reason }), onChanged);
  const [file, setFile] = useState<File | null>(null);
  const upload = useSubmission(async () => {
    if (!file) throw new ApiError(400, 'bad_request', t('network.agreements.chooseFile'), 'file');
    await api(`${base}/document?name=${encodeURIComponent(file.name)}`, { method: 'PUT', body: file });
  }, onChanged);
  const headingId = `agreement-${agreement.id}`;
  return (
    <li className="lc-card" aria-labelledby={headingId}>
      <h3 className="lc-subtitle" id={headingId}>
        {agreement.title} <span className={`krds-badge ${statusBadge[agreement.status]}`}>{label(agreementStatuses.get(agreement.status))}</span>
      </h3>
      <dl className="lc-facts">
        <dt>{t('network.agreements.period')}</dt><dd>{date(agreement.startsOn)} – {date(agreement.endsOn)}</dd>
        <dt>{t('network.agreements.parties')}</dt>
        <dd>
          <ul>
            {agreement.parties.map((p) => (
              <li key={p.institutionId}>
                {p.name} ({p.dongName}) — {p.acceptedAt ? t('network.agreements.acceptedBy', { name: p.acceptedByName ?? '', date: date(p.acceptedAt) }) : t('network.agreements.waiting')}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('network.agreements.scope')}</dt>
        <dd>{[...agreement.scopeAreas.map((c) => label(programAreas.get(c as ProgramAreaCode))), agreement.scopeText].filter(Boolean).join(' · ') || '—'}</dd>
        <dt>{t('network.agreements.document')}</dt>
        <dd>{agreement.document ? <a href={`/api${base}/document`}>{agreement.document.fileName}</a> : t('network.agreements.noDocument')}</dd>
      </dl>
      {manage && (
        <div className="lc-actions">
          {agreement.status === 'proposed' && !mine?.acceptedAt && (
            <form onSubmit={accept.onSubmit}><button type="submit" className="krds-btn primary" disabled={accept.busy}>{t('network.agreements.accept')}</button></form>
          )}
          {agreement.status === 'proposed' && (
            <form onSubmit={withdraw.onSubmit}><button type="submit" className="krds-btn secondary" disabled={withdraw.busy}>{t('network.agreements.withdraw')}</button></form>
          )}
          {agreement.status === 'signed' && (
            <form className="lc-form-row" onSubmit={end.onSubmit}>
              <TextField label={fieldInEnd('reason')} value={reason} required minLength={2} maxLength={500} onChange={(e) => setReason(e.target.value)} error={end.fieldError('reason')} />
              <div><button type="submit" className="krds-btn secondary" disabled={end.busy}>{t('network.agreements.end')}</button></div>
            </form>
          )}
          {agreement.status !== 'withdrawn' && (
            <form className="lc-form-row" onSubmit={upload.onSubmit}>
              <TextField label={fieldInDocument('file')} hint={t('network.agreements.uploadHint')} type="file" accept="application/pdf,.pdf"
                error={upload.fieldError('file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
              <div><button type="submit" className="krds-btn secondary" disabled={upload.busy}>{t('network.agreements.uploadButton')}</button></div>
            </form>
          )}
          <FormStatus error={accept.formError() ?? withdraw.formError() ?? end.formError(['reason']) ?? upload.formError(['file'])} />
        </div>
      )}
    </li>
  );
}

function ProposeForm({ institution, onProposed }: { institution: InstitutionDetail; onProposed(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('institutions/agreements');
  const today = todayInKorea();
  const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const [form, setForm] = useState<Omit<ProposeAgreementBody, 'partnerIds'>>({ title: '', startsOn: today, endsOn: nextYear, scopeAreas: [], scopeText: '' });
  const [partners, setPartners] = useState<Map<number, string>>(new Map());
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const found = useApi<PageOf<InstitutionSummary>>(search ? `/institutions${query({ city: institution.cityCode, q: search, pageSize: 10 })}` : null);
  const submission = useSubmission(async () => {
    await api(`/institutions/${institution.id}/agreements`, { method: 'POST', body: { ...form, partnerIds: [...partners.keys()] } });
    setForm({ ...form, title: '', scopeText: '', scopeAreas: [] });
    setPartners(new Map());
  }, onProposed);
  const find = (event: FormEvent) => {
    event.preventDefault();
    setSearch(q.trim());
  };
  const toggle = (id: number, name: string, on: boolean) => {
    const next = new Map(partners);
    if (on) next.set(id, name);
    else next.delete(id);
    setPartners(next);
  };
  const candidates = (found.data?.items ?? []).filter((i) => i.id !== institution.id);
  return (
    <div className="lc-form">
      <h3 className="lc-subtitle">{t('network.propose.title')}</h3>
      <form className="lc-form-row" role="search" onSubmit={find}>
        <TextField label={t('network.propose.find')} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <div><button type="submit" className="krds-btn secondary">{t('network.propose.findButton')}</button></div>
      </form>
      {search && !found.loading && candidates.length === 0 && <p>{t('network.propose.noneFound')}</p>}
      <form className="lc-form" onSubmit={submission.onSubmit}>
        <ChoiceGroup legend={t('network.propose.partners')} type="checkbox"
          options={[...new Map([...partners.entries(), ...candidates.map((c) => [c.id, `${c.name} (${c.dongNameKo})`] as const)]).entries()].map(([id, name]) => ({ value: String(id), label: name }))}
          selected={[...partners.keys()].map(String)}
          onChange={(value, checked) => toggle(Number(value), candidates.find((c) => c.id === Number(value))?.name ?? partners.get(Number(value)) ?? value, checked)} />
        {submission.fieldError('partnerIds') && <p className="lc-notice error" role="alert">{submission.fieldError('partnerIds')}</p>}
        <TextField label={field('title')} required minLength={2} maxLength={200} value={form.title} error={submission.fieldError('title')} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <div className="lc-form-row">
          <TextField label={field('startsOn')} type="date" required value={form.startsOn} error={submission.fieldError('startsOn')} onChange={(e) => setForm({ ...form, startsOn: e.target.value })} />
          <TextField label={field('endsOn')} type="date" required value={form.endsOn} error={submission.fieldError('endsOn')} onChange={(e) => setForm({ ...form, endsOn: e.target.value })} />
        </div>
        <ChoiceGroup legend={t('network.propose.areas')} type="checkbox" inline options={programAreaList.map((a) => ({ value: a.code, label: label(a) }))} selected={form.scopeAreas}
          onChange={(value, checked) => setForm({ ...form, scopeAreas: checked ? [...form.scopeAreas, value as ProgramAreaCode] : form.scopeAreas.filter((a) => a !== value) })} />
        <TextArea label={field('scopeText')} maxLength={2000} value={form.scopeText} error={submission.fieldError('scopeText')} onChange={(e) => setForm({ ...form, scopeText: e.target.value })} />
        <FormStatus error={submission.formError(['title', 'startsOn', 'endsOn', 'scopeText', 'partnerIds'])} />
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy || partners.size === 0}>{t('network.propose.submit')}</button></div>
      </form>
    </div>
  );
}

// Resources ----------------------------------------------------------------------------------------------------------

function hoursText(hours: readonly OpeningHours[], label: (e: { ko: string; en: string }) => string) {
  return hours.map((h) => `${label(weekdays.get(h.weekday))} ${h.opens}–${h.closes}`).join(', ');
}

function OwnResources({ institution }: { institution: InstitutionDetail }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<SharedResource>>(`/institutions/${institution.id}/resources${query({ page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="own-resources-title">
      <h2 className="lc-section-title" id="own-resources-title">{t('network.resources.ownTitle')}</h2>
      <Loaded state={list}>
        {(result) => (
          <>
            {result.items.length === 0 && <p>{t('network.resources.noneOwn')}</p>}
            <ul className="lc-card-list">
              {result.items.map((r) => <OwnResource key={r.id} resource={r} institution={institution} onChanged={list.reload} />)}
            </ul>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      <OfferForm institution={institution} onOffered={list.reload} />
    </section>
  );
}

/** One resource the institution offers; it stops (or starts again) offering it to partners. */
function OwnResource({ resource: r, institution, onChanged }: { resource: SharedResource; institution: InstitutionDetail; onChanged(): void }) {
  const { t, label } = useLocale();
  const toggle = useSubmission(async () => {
    const body: ResourceBody = { kind: r.kind, name: r.name, capacity: r.capacity, venueId: r.venueId, openingHours: r.openingHours, rules: r.rules, offered: !r.offered };
    await api(`/institutions/${institution.id}/resources/${r.id}`, { method: 'PUT', body });
  }, onChanged);
  return (
    <li className="lc-card">
      <h3 className="lc-subtitle">{r.name} <span className="krds-badge bg-light-primary">{label(resourceKinds.get(r.kind))}</span>{!r.offered && <span className="krds-badge bg-light-gray">{t('network.resources.notOffered')}</span>}</h3>
      <p>{t('network.resources.capacity', { count: r.capacity })} · {hoursText(r.openingHours, label)}{r.venueName ? ` · ${r.venueName}` : ''}</p>
      {r.rules && <p className="lc-hint">{r.rules}</p>}
      <form onSubmit={toggle.onSubmit}>
        <button type="submit" className="krds-btn small secondary" disabled={toggle.busy}>
          {r.offered ? t('network.resources.stop') : t('network.resources.resume')}<span className="sr-only"> ({r.name})</span>
        </button>
      </form>
      <FormStatus error={toggle.formError()} />
    </li>
  );
}

function OfferForm({ institution, onOffered }: { institution: InstitutionDetail; onOffered(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('institutions/resources');
  const [kind, setKind] = useState<ResourceKind>('room');
  const [name, setName] = useState('');
  const [capacity, setCapacity] = useState('20');
  const [venueId, setVenueId] = useState('');
  const [days, setDays] = useState<Weekday[]>(['mon', 'tue', 'wed', 'thu', 'fri']);
  const [opens, setOpens] = useState('09:00');
  const [closes, setCloses] = useState('18:00');
  const [rules, setRules] = useState('');
  const submission = useSubmission(async () => {
    const body: ResourceBody = {
      kind, name, capacity: Number(capacity), venueId: venueId ? Number(venueId) : null, rules, offered: true,
      openingHours: weekdayList.filter((d) => days.includes(d.code)).map((d) => ({ weekday: d.code, opens, closes })),
    };
    await api(`/institutions/${institution.id}/resources`, { method: 'POST', body });
    setName('');
    setRules('');
  }, onOffered);
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h3 className="lc-subtitle">{t('network.resources.offerTitle')}</h3>
      <ChoiceGroup legend={t('network.resources.kind')} type="radio" inline options={resourceKindList.map((k) => ({ value: k.code, label: label(k) }))} selected={[kind]} onChange={(v) => setKind(v as ResourceKind)} />
      <TextField label={field('name')} required minLength={2} maxLength={100} value={name} error={submission.fieldError('name')} onChange={(e) => setName(e.target.value)} />
      <TextField label={field('capacity')} type="number" min={1} max={10000} required value={capacity} error={submission.fieldError('capacity')} onChange={(e) => setCapacity(e.target.value)} />
      {institution.venues.length > 0 && (
        <SelectField label={field('venueId')} value={venueId} error={submission.fieldError('venueId')} onChange={(e) => setVenueId(e.target.value)}
          options={[{ value: '', label: t('network.resources.noVenue') }, ...institution.venues.map((v) => ({ value: String(v.id), label: v.name }))]} />
      )}
      <ChoiceGroup legend={t('network.resources.days')} type="checkbox" inline options={weekdayList.map((d) => ({ value: d.code, label: label(d) }))} selected={days}
        onChange={(value, checked) => setDays(checked ? [...days, value as Weekday] : days.filter((d) => d !== value))} />
      <div className="lc-form-row">
        <TextField label={t('network.resources.opens')} type="time" step={1800} required value={opens} onChange={(e) => setOpens(e.target.value)} />
        <TextField label={t('network.resources.closes')} type="time" step={1800} required value={closes} onChange={(e) => setCloses(e.target.value)} />
      </div>
      {submission.fieldError('openingHours') && <p className="lc-notice error" role="alert">{submission.fieldError('openingHours')}</p>}
      <TextArea label={t('network.resources.rules')} maxLength={2000} value={rules} onChange={(e) => setRules(e.target.value)} />
      <FormStatus error={submission.formError(['name', 'capacity', 'venueId', 'openingHours'])} done={submission.done} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy || days.length === 0}>{t('network.resources.offer')}</button></div>
    </form>
  );
}

function PartnerResources({ institution, onBooked }: { institution: InstitutionDetail; onBooked(): void }) {
  const { t } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<SharedResource>>(`/institutions/${institution.id}/partner-resources${query({ page, pageSize: 10 })}`);
  const programs = useApi<{ items: { id: number; title: string }[] }>(`/institutions/${institution.id}/office/programs${query({ pageSize: 100 })}`);
  return (
    <section aria-labelledby="partner-resources-title">
      <h2 className="lc-section-title" id="partner-resources-title">{t('network.resources.partnerTitle')}</h2>
      <p className="lc-lead">{t('network.resources.partnerLead')}</p>
      <Loaded state={list}>
        {(result) => (
          <>
            {result.items.length === 0 && <p>{t('network.resources.nonePartner')}</p>}
            <ul className="lc-card-list">
              {result.items.map((r) => <PartnerResource key={r.id} resource={r} institution={institution} programs={programs.data?.items ?? []} onBooked={onBooked} />)}
            </ul>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function PartnerResource({ resource, institution, programs, onBooked }: { resource: SharedResource; institution: InstitutionDetail; programs: { id: number; title: string }[]; onBooked(): void }) {
  const { t, label, dateTime } = useLocale();
  const field = useFieldLabels('institutions/bookings');
  const [day, setDay] = useState('');
  const [from, setFrom] = useState('10:00');
  const [to, setTo] = useState('12:00');
  const [purpose, setPurpose] = useState('');
  const [programId, setProgramId] = useState('');
  const [booked, setBooked] = useState<Booking | null>(null);
  const submission = useSubmission(async () => {
    setBooked(null);
    setBooked(await api<Booking>(`/institutions/${institution.id}/bookings`, {
      method: 'POST', body: { resourceId: resource.id, startsAt: `${day}T${from}:00+09:00`, endsAt: `${day}T${to}:00+09:00`, purpose, programId: programId ? Number(programId) : null },
    }));
  }, onBooked);
  const headingId = `resource-${resource.id}`;
  return (
    <li className="lc-card" aria-labelledby={headingId}>
      <h3 className="lc-subtitle" id={headingId}>{resource.name} <span className="krds-badge bg-light-primary">{label(resourceKinds.get(resource.kind))}</span></h3>
      <p>{resource.institutionName} · {resource.address}{resource.venueName ? ` (${resource.venueName})` : ''}</p>
      <p>{t('network.resources.capacity', { count: resource.capacity })} · {hoursText(resource.openingHours, label)}</p>
      {resource.rules && <p className="lc-hint">{t('network.resources.rulesAre', { rules: resource.rules })}</p>}
      <form className="lc-form" onSubmit={submission.onSubmit} aria-label={t('network.book.formLabel', { name: resource.name })}>
        <div className="lc-form-row">
          <TextField label={t('network.book.day')} type="date" required min={todayInKorea()} value={day} onChange={(e) => setDay(e.target.value)} />
          <TextField label={field('startsAt')} type="time" step={1800} required value={from} error={submission.fieldError('startsAt')} onChange={(e) => setFrom(e.target.value)} />
          <TextField label={field('endsAt')} type="time" step={1800} required value={to} error={submission.fieldError('endsAt')} onChange={(e) => setTo(e.target.value)} />
        </div>
        <TextField label={field('purpose')} required minLength={2} maxLength={300} value={purpose} error={submission.fieldError('purpose')} onChange={(e) => setPurpose(e.target.value)} />
        {programs.length > 0 && (
          <SelectField label={field('programId')} value={programId} error={submission.fieldError('programId')} onChange={(e) => setProgramId(e.target.value)}
            options={[{ value: '', label: t('network.book.noProgram') }, ...programs.map((p) => ({ value: String(p.id), label: p.title }))]} />
        )}
        <FormStatus error={submission.formError(['startsAt', 'endsAt', 'purpose', 'programId'])} />
        {booked && <p className="lc-notice success" role="status">{t('network.book.done', { name: resource.name, from: dateTime(booked.startsAt), to: dateTime(booked.endsAt) })}</p>}
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('network.book.submit')}</button></div>
      </form>
    </li>
  );
}

function Bookings({ institution, onChanged }: { institution: InstitutionDetail; onChanged(): void }) {
  const { t, label, dateTime } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<Booking>>(`/institutions/${institution.id}/bookings${query({ page, pageSize: 20 })}`);
  return (
    <section aria-labelledby="bookings-title">
      <h2 className="lc-section-title" id="bookings-title">{t('network.bookings.title')}</h2>
      <Loaded state={list}>
        {(result) => (
          <>
            {result.items.length === 0 ? <p>{t('network.bookings.none')}</p> : (
              <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('network.bookings.title')}>
                <table className="lc-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('network.bookings.when')}</th><th scope="col">{t('network.bookings.resource')}</th><th scope="col">{t('network.bookings.bookedBy')}</th>
                      <th scope="col">{t('network.bookings.purpose')}</th><th scope="col">{t('network.bookings.status')}</th><th scope="col"><span className="sr-only">{t('network.bookings.actions')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.items.map((b) => <BookingRow key={b.id} booking={b} institution={institution} onChanged={onChanged} when={`${dateTime(b.startsAt)} – ${dateTime(b.endsAt).slice(-5)}`} statusText={label(bookingStatuses.get(b.status))} />)}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}

function BookingRow({ booking, institution, when, statusText, onChanged }: { booking: Booking; institution: InstitutionDetail; when: string; statusText: string; onChanged(): void }) {
  const { t } = useLocale();
  const cancel = useSubmission(async () => { await api(`/institutions/${institution.id}/bookings/${booking.id}/cancel`, { method: 'POST' }); }, onChanged);
  const ours = booking.bookingInstitutionId === institution.id;
  return (
    <tr>
      <th scope="row">{when}</th>
      <td>{booking.resourceName}{ours ? ` (${booking.ownerInstitutionName})` : ''}</td>
      <td>{booking.bookingInstitutionName} · {booking.bookedByName}</td>
      <td>{booking.purpose}{booking.programTitle ? ` · ${booking.programTitle}` : ''}</td>
      <td>{statusText}</td>
      <td>
        {booking.status === 'booked' && (
          <form onSubmit={cancel.onSubmit}>
            <button type="submit" className="krds-btn small secondary" disabled={cancel.busy}>{t('network.bookings.cancel')}<span className="sr-only"> ({booking.resourceName}, {when})</span></button>
          </form>
        )}
        <FormStatus error={cancel.formError()} />
      </td>
    </tr>
  );
}

// Joint programs -------------------------------------------------------------------------------------------------------

function JointPrograms({ institution, manage }: { institution: InstitutionDetail; manage: boolean }) {
  const { t, label } = useLocale();
  const [page, setPage] = useState(1);
  const list = useApi<PageOf<JointProgram>>(`/institutions/${institution.id}/joint-programs${query({ page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="joint-title">
      <h2 className="lc-section-title" id="joint-title">{t('network.joint.title')}</h2>
      <Loaded state={list}>
        {(result) => (
          <>
            {result.items.length === 0 && <p>{t('network.joint.none')}</p>}
            <ul>
              {result.items.map((p) => (
                <li key={p.programId}>
                  <Link to={`/programs/${p.programId}`}>{p.title}</Link> ({label(programStatuses.get(p.status as ProgramStatus))}) — {p.institutionName}, {t('network.joint.with', { partners: p.partners.map((x) => x.name).join(', ') })}
                </li>
              ))}
            </ul>
            <Pagination page={result.page} pageSize={result.pageSize} total={result.total} onChange={setPage} />
          </>
        )}
      </Loaded>
      {manage && <JoinForm institution={institution} onJoined={list.reload} />}
    </section>
  );
}

function JoinForm({ institution, onJoined }: { institution: InstitutionDetail; onJoined(): void }) {
  const { t } = useLocale();
  const field = useFieldLabels('institutions/programs/partners');
  const [programId, setProgramId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const programs = useApi<{ items: { id: number; title: string }[] }>(`/institutions/${institution.id}/office/programs${query({ pageSize: 100 })}`);
  const partners = useApi<PageOf<Agreement>>(`/institutions/${institution.id}/agreements${query({ status: 'signed', pageSize: 100 })}`);
  const partnerChoices = [...new Map((partners.data?.items ?? []).filter((a) => a.current).flatMap((a) => a.parties).filter((p) => p.institutionId !== institution.id).map((p) => [p.institutionId, p.name])).entries()];
  const submission = useSubmission(async () => {
    await api(`/institutions/${institution.id}/programs/${programId}/partners/${partnerId}`, { method: 'PUT' });
  }, onJoined);
  if (partnerChoices.length === 0) return <p className="lc-hint">{t('network.joint.needAgreement')}</p>;
  return (
    <form className="lc-form" onSubmit={submission.onSubmit}>
      <h3 className="lc-subtitle">{t('network.joint.addTitle')}</h3>
      <SelectField label={t('network.joint.program')} required value={programId} onChange={(e) => setProgramId(e.target.value)}
        options={[{ value: '', label: t('network.joint.choose') }, ...(programs.data?.items ?? []).map((p) => ({ value: String(p.id), label: p.title }))]} />
      <SelectField label={field('partnerId')} required value={partnerId} error={submission.fieldError('partnerId')} onChange={(e) => setPartnerId(e.target.value)}
        options={[{ value: '', label: t('network.joint.choose') }, ...partnerChoices.map(([id, name]) => ({ value: String(id), label: name }))]} />
      <FormStatus error={submission.formError(['partnerId'])} done={submission.done} />
      <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('network.joint.add')}</button></div>
    </form>
  );
}
