/** My learning's vouchers: those open for applications (apply once), my applications, my vouchers with balance and ledger. */
import { useId, useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Voucher, VoucherApplication, VoucherLedgerEntry, VoucherProgramme } from '../../../shared/contracts/vouchers.ts';
import { voucherApplicationStatuses, voucherGroups, voucherLedgerEntries, type VoucherGroup } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useFieldLabels } from '../../i18n/field-labels.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { ChoiceGroup } from '../../ui/ChoiceGroup.tsx';
import { TextArea } from '../../ui/Field.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { PagedTable } from '../../ui/PagedTable.tsx';
import { Loaded } from '../../ui/Status.tsx';

/** Where a programme's routes are: the national one's, or its city's. */
export const programmePath = (p: { cityCode: string | null; year: number }) =>
  p.cityCode === null ? `/vouchers/national/${p.year}` : `/cities/${p.cityCode}/vouchers/${p.year}`;

export function useWonText() {
  const { t, number } = useLocale();
  return (amount: number) => t('vouchers.won', { amount: number(amount) });
}

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function ApplyForm({ programme, onDone }: { programme: VoucherProgramme; onDone(): void }) {
  const { t, label } = useLocale();
  const field = useFieldLabels(programme.cityCode === null ? 'vouchers' : 'cities/vouchers');
  const [groups, setGroups] = useState<VoucherGroup[]>([]);
  const [evidence, setEvidence] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();
  const send = useSubmission(async () => {
    const document = file && (file.type === 'application/pdf' || file.type === 'image/png' || file.type === 'image/jpeg')
      ? { name: file.name, contentType: file.type, base64: await readFile(file) } : undefined;
    await api(`${programmePath(programme)}/application`, { method: 'POST', body: { declaredGroups: groups, evidence, ...(document ? { document } : {}) } });
  }, onDone);
  return (
    <form className="lc-form" onSubmit={send.onSubmit} noValidate aria-label={t('vouchers.applyTitle', { title: programme.title })}>
      <ChoiceGroup legend={field('declaredGroups')} type="checkbox" selected={groups} error={send.fieldError('declaredGroups')}
        options={programme.eligibleGroups.map((g) => ({ value: g, label: label(voucherGroups.get(g)) }))}
        onChange={(value, on) => setGroups(on ? [...groups, value as VoucherGroup] : groups.filter((g) => g !== value))} />
      <TextArea label={field('evidence')} value={evidence} maxLength={1000} error={send.fieldError('evidence')} onChange={(e) => setEvidence(e.target.value)} />
      <div className="krds-form-group">
        <label className="form-tit" htmlFor={fileId}>{field('document')}</label>
        <input id={fileId} type="file" accept="application/pdf,image/png,image/jpeg" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <FormStatus error={send.formError(['declaredGroups', 'evidence'])} done={send.done} />
      <button type="submit" className="krds-btn primary" disabled={send.busy}>{t('vouchers.apply')}</button>
    </form>
  );
}

function OpenProgrammes({ applied, onApplied }: { applied: readonly number[]; onApplied(): void }) {
  const { t, number } = useLocale();
  const { me } = useSession();
  const open = useApi<PageOf<VoucherProgramme>>(`/vouchers${query({ cityCode: me?.homeCityCode ?? undefined, pageSize: 10 })}`);
  const [applying, setApplying] = useState<number | null>(null);
  return (
    <Loaded state={open}>
      {(data) => data.items.filter((p) => !applied.includes(p.id)).length === 0 ? <p>{t('vouchers.noneOpen')}</p> : (
        <ul className="lc-plain-list">
          {data.items.filter((p) => !applied.includes(p.id)).map((p) => (
            <li key={p.id} className="lc-card">
              <h4>{p.title} <span className="lc-badge">{p.cityCode === null ? t('vouchers.national') : p.cityNameKo}</span></h4>
              <p>{t('vouchers.perPerson', { amount: number(p.amountPerPerson), places: number(p.places), date: p.applicationsCloseOn })}</p>
              {applying === p.id
                ? <ApplyForm programme={p} onDone={() => { setApplying(null); onApplied(); open.reload(); }} />
                : <button type="button" className="krds-btn secondary" onClick={() => setApplying(p.id)}>{t('vouchers.applyTitle', { title: p.title })}</button>}
            </li>
          ))}
        </ul>
      )}
    </Loaded>
  );
}

/** A programme's title with its year, unless the title already says it ('2043년 평생교육이용권'). */
const programmeName = (title: string, year: number) => (title.includes(String(year)) ? title : `${title} (${year})`);

function Ledger({ voucher }: { voucher: Voucher }) {
  const { t, label, date } = useLocale();
  const wonText = useWonText();
  return (
    <PagedTable<VoucherLedgerEntry> path={`/me/vouchers/${voucher.id}/ledger`} title={t('vouchers.ledgerOf', { title: voucher.programmeTitle })}
      columns={[t('vouchers.when'), t('vouchers.entry'), t('vouchers.program'), t('vouchers.amount')]}
      row={(e) => (
        <tr key={e.id}>
          <td>{date(e.recordedAt)}</td>
          <td>{label(voucherLedgerEntries.get(e.kind))}{e.note && <span className="lc-hint"> {e.note}</span>}</td>
          <td>{e.programTitle ?? ''}</td>
          <td className="num">{e.amount > 0 ? '+' : '−'}{wonText(Math.abs(e.amount))}</td>
        </tr>
      )} />
  );
}

export function MyVouchersSection() {
  const { t, label } = useLocale();
  const wonText = useWonText();
  const vouchers = useApi<PageOf<Voucher>>('/me/vouchers?pageSize=20');
  const applications = useApi<PageOf<VoucherApplication>>('/me/voucher-applications?pageSize=20');
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section aria-labelledby="my-vouchers" className="lc-section">
      <h2 id="my-vouchers" className="lc-section-title">{t('vouchers.mineTitle')}</h2>
      <p className="lc-lead">{t('vouchers.mineLead')}</p>
      <h3 className="lc-subtitle">{t('vouchers.myVouchers')}</h3>
      <Loaded state={vouchers}>
        {(data) => data.items.length === 0 ? <p>{t('vouchers.noVouchers')}</p> : (
          <ul className="lc-plain-list">
            {data.items.map((v) => (
              <li key={v.id} className="lc-card">
                <h4>{programmeName(v.programmeTitle, v.year)}</h4>
                <dl className="lc-facts">
                  <dt>{t('vouchers.balance')}</dt><dd><strong>{wonText(v.balance)}</strong></dd>
                  <dt>{t('vouchers.amount')}</dt><dd>{wonText(v.amount)}</dd>
                  <dt>{t('vouchers.spent')}</dt><dd>{wonText(v.spent)}</dd>
                  <dt>{t('vouchers.refunded')}</dt><dd>{wonText(v.refunded)}</dd>
                  <dt>{t('vouchers.expiresOn')}</dt><dd>{v.expiresOn}{v.expired && ` · ${t('vouchers.expired')}`}</dd>
                </dl>
                <button type="button" className="krds-btn tertiary" aria-expanded={open === v.id} onClick={() => setOpen(open === v.id ? null : v.id)}>
                  {t('vouchers.ledger')}
                </button>
                {open === v.id && <Ledger voucher={v} />}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
      <h3 className="lc-subtitle">{t('vouchers.myApplications')}</h3>
      <Loaded state={applications}>
        {(data) => (
          <>
            {data.items.length === 0 ? <p>{t('vouchers.noApplications')}</p> : (
              <ul className="lc-plain-list">
                {data.items.map((a) => (
                  <li key={a.id}>
                    <strong>{programmeName(a.programmeTitle, a.year)}</strong> · {a.declaredGroups.map((g) => label(voucherGroups.get(g))).join(', ')} · {label(voucherApplicationStatuses.get(a.status))}
                    {a.won !== null && ` · ${a.won ? t('vouchers.outcomeWon') : t('vouchers.outcomeNotDrawn')}`}
                    {a.decisionNote && ` · ${a.decisionNote}`}
                  </li>
                ))}
              </ul>
            )}
            <h3 className="lc-subtitle">{t('vouchers.openTitle')}</h3>
            <OpenProgrammes applied={data.items.map((a) => a.programmeId)} onApplied={applications.reload} />
          </>
        )}
      </Loaded>
    </section>
  );
}
