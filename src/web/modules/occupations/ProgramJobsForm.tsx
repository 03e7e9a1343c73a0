/**
 * The program office's tagging of a vocational program: the occupation groups it prepares for, found by name or
 * number among the KSCO sub-major groups of the current revision, and the certificates it leads to.
 */
import { useState } from 'react';
import type { Certificate, ProgramJobs } from '../../../shared/contracts/occupations.ts';
import { currentKscoVersion, MAX_CERTIFICATES, occupationGroups, occupationGroup, occupationMatches } from '../../../shared/vocabulary/index.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { Loaded } from '../../ui/Status.tsx';

const choosable = occupationGroups.filter((g) => g.version === currentKscoVersion && g.parent !== null);

export function ProgramJobsForm({ programId }: { programId: number }) {
  const { t } = useLocale();
  const jobs = useApi<ProgramJobs>(`/programs/${programId}/occupations`);
  return (
    <section aria-labelledby="program-jobs-editor" className="lc-section">
      <h2 className="lc-section-title" id="program-jobs-editor">{t('occupations.editorHeading')}</h2>
      <p>{t('occupations.editorLead')}</p>
      {/* The editor keeps what was saved: the answer is the same tags, so it is not loaded again (and "saved" stays in view). */}
      <Loaded state={jobs}>{(data) => <JobsEditor programId={programId} saved={data} />}</Loaded>
    </section>
  );
}

function JobsEditor({ programId, saved }: { programId: number; saved: ProgramJobs }) {
  const { t, label } = useLocale();
  const field = useFieldLabels('programs/occupations');
  // Tags of an earlier revision are not choosable any more: saving leaves only current ones.
  const [codes, setCodes] = useState(saved.occupations.filter((o) => o.version === currentKscoVersion).map((o) => o.code));
  const [certificates, setCertificates] = useState<Certificate[]>(saved.certificates);
  const [search, setSearch] = useState('');
  const submission = useSubmission(
    () => api(`/programs/${programId}/occupations`, {
      method: 'PUT',
      body: { version: currentKscoVersion, occupations: codes, certificates: certificates.map((c) => ({ name: c.name, code: c.code?.trim() || null })) },
    }),
  );
  const certificatesError = submission.fieldError('certificates');
  const found = choosable.filter((g) => occupationMatches(g, search));
  // What is chosen stays in view whatever the search shows.
  const shown = [...choosable.filter((g) => codes.includes(g.code) && !found.includes(g)), ...found];
  const setCertificate = (index: number, change: Partial<Certificate>) =>
    setCertificates(certificates.map((c, i) => (i === index ? { ...c, ...change } : c)));

  return (
    <form onSubmit={submission.onSubmit} noValidate>
      <TextField label={t('occupations.search')} hint={t('occupations.searchHint')} value={search} onChange={(e) => setSearch(e.target.value)} type="search" />
      {found.length === 0 && <p role="status">{t('occupations.noMatch')}</p>}
      <div className="lc-scroll-box">
        <ChoiceGroup
          legend={field('occupations')} type="checkbox" selected={codes} error={submission.fieldError('occupations') ?? submission.fieldError('version')}
          options={shown.map((g) => ({ value: g.code, label: `${g.code} ${label(g)} · ${label(occupationGroup(currentKscoVersion, g.parent!)!)}` }))}
          onChange={(code, checked) => setCodes(checked ? [...codes, code] : codes.filter((c) => c !== code))}
        />
      </div>
      {/* The server's problem with the list is the whole list's: shown under its legend, read with the group. */}
      <fieldset className="lc-choices" aria-describedby={certificatesError ? 'certificates-problem' : undefined}>
        <legend>{field('certificates')}</legend>
        {certificatesError && <p className="form-hint-invalid" id="certificates-problem">{certificatesError}</p>}
        {certificates.map((c, i) => (
          <div key={i} className="lc-controls">
            <TextField label={`${field('certificates.name')} ${i + 1}`} value={c.name} maxLength={100} onChange={(e) => setCertificate(i, { name: e.target.value })} />
            <TextField label={`${field('certificates.code')} ${i + 1}`} value={c.code ?? ''} maxLength={20} onChange={(e) => setCertificate(i, { code: e.target.value })} />
            <button type="button" className="krds-btn small tertiary" onClick={() => setCertificates(certificates.filter((_, j) => j !== i))}>{t('occupations.removeCertificate')}</button>
          </div>
        ))}
        {certificates.length < MAX_CERTIFICATES && (
          <button type="button" className="krds-btn small secondary" onClick={() => setCertificates([...certificates, { name: '', code: null }])}>{t('occupations.addCertificate')}</button>
        )}
      </fieldset>
      <FormStatus error={submission.formError(['occupations', 'version', 'certificates'])} done={submission.done} />
      <button type="submit" className="krds-btn primary" disabled={submission.busy}>{t('occupations.save')}</button>
    </form>
  );
}
