/**
 * A person's own instructor or volunteer profile (/me/instructor-profile): what they teach, for whom, their
 * certificates, weekly times and travel area, and whether institutions see it; below, the programs they taught.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Dong, Municipality } from '../../../shared/contracts/geography.ts';
import type { Certificate, InstructorProfile, InstructorProfileBody } from '../../../shared/contracts/instructors.ts';
import {
  certificateKindList, instructorKindList, programAreaList, targetGroupList, weekdayList, type ProgramSubcategoryCode, type TargetGroupCode, type Weekday,
} from '../../../shared/vocabulary/index.ts';
import { api, ApiError, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { LoginPrompt } from '../../shells/LoginPrompt.tsx';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PageTitle } from '../../ui/Status.tsx';
import { TaughtPrograms } from './TaughtPrograms.tsx';

const empty: InstructorProfileBody = {
  kind: 'instructor', bio: '', skills: [], targetGroups: [], certificates: [], availability: [], travelCities: [], travelDongs: [], published: false,
};

/** Adds or removes one code of a list (check boxes). */
const toggle = <C extends string>(list: readonly C[], code: C, on: boolean): C[] => (on ? [...list, code] : list.filter((c) => c !== code));

function Certificates({ value, onChange }: { value: Certificate[]; onChange(next: Certificate[]): void }) {
  const { t, label } = useLocale();
  const set = (n: number, change: Partial<Certificate>) => onChange(value.map((c, i) => (i === n ? { ...c, ...change } : c)));
  return (
    <fieldset className="lc-choices">
      <legend>{t('instructors.profile.certificates')}</legend>
      {value.map((certificate, n) => (
        <div key={n} className="lc-form-row" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <SelectField label={t('instructors.profile.certificateKind')} value={certificate.kind}
            options={certificateKindList.map((k) => ({ value: k.code, label: label(k) }))}
            onChange={(e) => set(n, { kind: e.target.value as Certificate['kind'] })} />
          {certificate.kind === 'other' && (
            <TextField label={t('instructors.profile.certificateName')} maxLength={100} required value={certificate.name} onChange={(e) => set(n, { name: e.target.value })} />
          )}
          <TextField label={t('instructors.profile.certificateIssuer')} maxLength={100} value={certificate.issuer} onChange={(e) => set(n, { issuer: e.target.value })} />
          <TextField label={t('instructors.profile.certificateYear')} type="number" min={1950} max={2100} inputMode="numeric" value={certificate.year ?? ''}
            onChange={(e) => set(n, { year: e.target.value === '' ? null : Number(e.target.value) })} />
          <button type="button" className="krds-btn small tertiary" onClick={() => onChange(value.filter((_, i) => i !== n))}>
            {t('instructors.profile.removeNamed', { name: certificate.kind === 'other' ? certificate.name : label(certificateKindList.find((k) => k.code === certificate.kind)!) })}
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="krds-btn small secondary" onClick={() => onChange([...value, { kind: 'lifelong_educator_2', name: '', issuer: '', year: null }])}>
          {t('instructors.profile.addCertificate')}
        </button>
      </div>
    </fieldset>
  );
}

function Availability({ value, onChange, error }: { value: InstructorProfileBody['availability']; onChange(next: InstructorProfileBody['availability']): void; error?: string }) {
  const { t, label } = useLocale();
  const set = (n: number, change: Partial<InstructorProfileBody['availability'][number]>) => onChange(value.map((s, i) => (i === n ? { ...s, ...change } : s)));
  return (
    <fieldset className="lc-choices">
      <legend>{t('instructors.profile.availability')}</legend>
      <p className="lc-meta">{t('instructors.profile.availabilityHint')}</p>
      {value.map((slot, n) => (
        <div key={n} className="lc-form-row" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <SelectField label={t('instructors.profile.weekday')} value={slot.weekday} options={weekdayList.map((d) => ({ value: d.code, label: label(d) }))}
            onChange={(e) => set(n, { weekday: e.target.value as Weekday })} />
          <TextField label={t('instructors.profile.from')} type="time" required value={slot.from} onChange={(e) => set(n, { from: e.target.value })} />
          <TextField label={t('instructors.profile.to')} type="time" required value={slot.to} onChange={(e) => set(n, { to: e.target.value })} />
          <button type="button" className="krds-btn small tertiary" onClick={() => onChange(value.filter((_, i) => i !== n))}>
            {t('instructors.profile.removeNamed', { name: `${label(weekdayList.find((d) => d.code === slot.weekday)!)} ${slot.from}–${slot.to}` })}
          </button>
        </div>
      ))}
      {error && <p className="form-hint-invalid">{error}</p>}
      <div>
        <button type="button" className="krds-btn small secondary" onClick={() => onChange([...value, { weekday: 'tue', from: '10:00', to: '12:00' }])}>
          {t('instructors.profile.addSlot')}
        </button>
      </div>
    </fieldset>
  );
}

interface Place { code: string; name: string }

/** Whole cities and single dongs the person travels to, chosen from the geography module's lists. */
function TravelArea({ cities, dongs, onChange, error }: { cities: Place[]; dongs: Place[]; onChange(cities: Place[], dongs: Place[]): void; error?: string }) {
  const { t, locale } = useLocale();
  const municipalities = useApi<PageOf<Municipality>>('/geography/municipalities?pageSize=250');
  const [city, setCity] = useState('');
  const [dong, setDong] = useState('');
  const dongList = useApi<PageOf<Dong>>(city ? `/geography/dongs${query({ city, pageSize: 500 })}` : null);
  const cityName = (m: Municipality) => (locale === 'en' ? `${m.nameEn}, ${m.provinceShortEn}` : `${m.provinceShortKo} ${m.nameKo}`);
  const chosenCity = municipalities.data?.items.find((m) => m.code === city);
  return (
    <fieldset className="lc-choices">
      <legend>{t('instructors.profile.travel')}</legend>
      <p className="lc-meta">{t('instructors.profile.travelHint')}</p>
      {cities.length + dongs.length === 0 ? <p className="lc-meta">{t('instructors.profile.noPlaces')}</p> : (
        <ul>
          {[...cities.map((p) => ({ ...p, isCity: true })), ...dongs.map((p) => ({ ...p, isCity: false }))].map((place) => (
            <li key={place.code}>
              {place.name}{' '}
              <button type="button" className="krds-btn small tertiary"
                onClick={() => onChange(place.isCity ? cities.filter((c) => c.code !== place.code) : cities, place.isCity ? dongs : dongs.filter((d) => d.code !== place.code))}>
                {t('instructors.profile.removeNamed', { name: place.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="lc-form-row" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <SelectField label={t('instructors.profile.city')} value={city} onChange={(e) => { setCity(e.target.value); setDong(''); }}
          options={[{ value: '', label: t('instructors.profile.chooseCity') }, ...(municipalities.data?.items ?? []).map((m) => ({ value: m.code, label: cityName(m) }))]} />
        <button type="button" className="krds-btn small secondary" disabled={!chosenCity || cities.some((c) => c.code === city)}
          onClick={() => chosenCity && onChange([...cities, { code: chosenCity.code, name: cityName(chosenCity) }], dongs)}>
          {t('instructors.profile.addCity')}
        </button>
      </div>
      {chosenCity && (
        <div className="lc-form-row" style={{ flexWrap: 'wrap', alignItems: 'flex-end' }}>
          <SelectField label={t('instructors.profile.dong')} value={dong} onChange={(e) => setDong(e.target.value)}
            options={[{ value: '', label: t('instructors.profile.chooseDong') }, ...(dongList.data?.items ?? []).map((d) => ({ value: d.code, label: locale === 'en' ? d.nameEn : d.nameKo }))]} />
          <button type="button" className="krds-btn small secondary" disabled={!dong || dongs.some((d) => d.code === dong)}
            onClick={() => {
              const found = dongList.data?.items.find((d) => d.code === dong);
              if (found) onChange(cities, [...dongs, { code: found.code, name: `${cityName(chosenCity)} ${locale === 'en' ? found.nameEn : found.nameKo}` }]);
            }}>
            {t('instructors.profile.addDong')}
          </button>
        </div>
      )}
      {error && <p className="form-hint-invalid">{error}</p>}
    </fieldset>
  );
}

export function InstructorProfilePage() {
  const { t, label, locale } = useLocale();
  const field = useFieldLabels('me/instructor-profile');
  const session = useSession();
  const [form, setForm] = useState<InstructorProfileBody>(empty);
  const [places, setPlaces] = useState<{ cities: Place[]; dongs: Place[] }>({ cities: [], dongs: [] });
  const [loaded, setLoaded] = useState<InstructorProfile | null | undefined>(undefined);
  const [saved, setSaved] = useState('');

  const take = (profile: InstructorProfile) => {
    setLoaded(profile);
    const { id: _i, personId: _p, displayName: _d, programsTaught: _t, updatedAt: _u, travelCities, travelDongs, ...rest } = profile;
    setForm({ ...rest, travelCities: travelCities.map((c) => c.code), travelDongs: travelDongs.map((d) => d.code) });
    const name = (p: { nameKo: string; nameEn: string }) => (locale === 'en' ? p.nameEn : p.nameKo);
    setPlaces({
      cities: travelCities.map((c) => ({ code: c.code, name: name(c) })),
      dongs: travelDongs.map((d) => ({ code: d.code, name: `${locale === 'en' ? d.cityNameEn : d.cityNameKo} ${name(d)}` })),
    });
  };
  useEffect(() => {
    if (!session.me) return;
    api<InstructorProfile>('/me/instructor-profile').then(take, (error: unknown) => {
      if (error instanceof ApiError && error.status === 404) setLoaded(null);
    });
    // Loaded once per person; the page's own saves replace it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.me?.personId]);

  const submission = useSubmission(async () => {
    setSaved('');
    const profile = await api<InstructorProfile>('/me/instructor-profile', { method: 'PUT', body: form });
    take(profile);
    setSaved(profile.published ? t('instructors.profile.savedPublished') : t('instructors.profile.saved'));
  });

  if (!session.ready) return null;
  if (!session.me) return <LoginPrompt />;
  if (loaded === undefined) return null;
  return (
    <>
      <PageTitle title={t('instructors.profile.title')} lead={t('instructors.profile.lead')} />
      <p><Link to="/me/teaching">{t('instructors.profile.toTeaching')}</Link></p>
      <form className="lc-form" onSubmit={submission.onSubmit}>
        <ChoiceGroup legend={t('instructors.profile.kind')} type="radio" inline selected={[form.kind]}
          options={instructorKindList.map((k) => ({ value: k.code, label: label(k) }))} onChange={(value) => setForm({ ...form, kind: value as InstructorProfileBody['kind'] })} />
        <TextArea label={field('bio')} maxLength={1000} value={form.bio} error={submission.fieldError('bio')} onChange={(e) => setForm({ ...form, bio: e.target.value })} />
        <fieldset className="lc-choices">
          <legend>{t('instructors.profile.skills')}</legend>
          {programAreaList.map((area) => (
            <ChoiceGroup key={area.code} legend={label(area)} type="checkbox" inline selected={form.skills}
              options={area.subcategories.map((s) => ({ value: s.code, label: label(s) }))}
              onChange={(value, on) => setForm({ ...form, skills: toggle(form.skills, value as ProgramSubcategoryCode, on) })} />
          ))}
        </fieldset>
        <ChoiceGroup legend={t('instructors.profile.targetGroups')} type="checkbox" inline selected={form.targetGroups}
          options={targetGroupList.map((g) => ({ value: g.code, label: label(g) }))}
          onChange={(value, on) => setForm({ ...form, targetGroups: toggle(form.targetGroups, value as TargetGroupCode, on) })} />
        <Certificates value={form.certificates} onChange={(certificates) => setForm({ ...form, certificates })} />
        <Availability value={form.availability} error={submission.fieldError('availability')} onChange={(availability) => setForm({ ...form, availability })} />
        <TravelArea cities={places.cities} dongs={places.dongs} error={submission.fieldError('travelCities') ?? submission.fieldError('travelDongs')}
          onChange={(cities, dongs) => {
            setPlaces({ cities, dongs });
            setForm({ ...form, travelCities: cities.map((c) => c.code), travelDongs: dongs.map((d) => d.code) });
          }} />
        <div className="krds-form-check">
          <input type="checkbox" id="instructor-published" checked={form.published} onChange={(e) => setForm({ ...form, published: e.target.checked })} />
          <label htmlFor="instructor-published">{t('instructors.profile.published')}</label>
        </div>
        <FormStatus error={submission.formError(['bio', 'availability', 'travelCities', 'travelDongs'])} />
        {saved && <p className="lc-notice success" role="status">{saved}</p>}
        <div><button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('instructors.profile.save')}</button></div>
      </form>
      {loaded && <TaughtPrograms path="/me/instructor-profile/history" title={t('instructors.profile.history')} />}
    </>
  );
}
