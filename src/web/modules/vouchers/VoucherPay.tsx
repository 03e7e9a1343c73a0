/** In a paid program's enrolment panel, once the resident holds a place: pay the fee with a voucher that has a balance. */
import { useId, useState } from 'react';
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { Voucher } from '../../../shared/contracts/vouchers.ts';
import { api, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { FormStatus } from '../../ui/FormStatus.tsx';

function PayButton({ programId, voucher, due, onPaid }: { programId: number; voucher: Voucher; due: number; onPaid(v: Voucher): void }) {
  const { t, number } = useLocale();
  const amount = Math.min(due, voucher.balance);
  const pay = useSubmission(async () => {
    onPaid(await api<Voucher>(`/programs/${programId}/enrolment/voucher`, { method: 'POST', body: { voucherId: voucher.id } }));
  });
  return (
    <form onSubmit={pay.onSubmit}>
      <button type="submit" className="krds-btn secondary" disabled={pay.busy}>{t('vouchers.pay', { title: voucher.programmeTitle, amount: number(amount) })}</button>
      <FormStatus error={pay.formError(['voucherId', 'amount'])} />
    </form>
  );
}

/** `paidBefore`: what vouchers have paid towards this place (from the vouchers' ledgers), so what is left is known. */
export function VoucherPay({ programId, feeKrw, onChange }: { programId: number; feeKrw: number; onChange?(): void }) {
  const { t, number } = useLocale();
  const titleId = useId();
  const vouchers = useApi<PageOf<Voucher>>('/me/vouchers?pageSize=20');
  const [paidNow, setPaidNow] = useState<{ paid: number; balance: number } | null>(null);
  const usable = (vouchers.data?.items ?? []).filter((v) => !v.expired && v.balance > 0);
  if (!vouchers.data || (vouchers.data.items.length === 0)) return null;
  const paid = paidNow?.paid ?? 0;
  const due = feeKrw - paid;
  return (
    <section className="lc-panel" aria-labelledby={titleId}>
      <h3 id={titleId} className="lc-subtitle">{t('vouchers.payTitle')}</h3>
      {paidNow && <p role="status">{t('vouchers.paid', { balance: number(paidNow.balance) })} {t('vouchers.payLead', { fee: number(feeKrw), paid: number(paid) })}</p>}
      {due > 0 && usable.map((v) => (
        <PayButton key={v.id} programId={programId} voucher={v} due={due} onPaid={(after) => {
          setPaidNow({ paid: paid + (v.balance - after.balance), balance: after.balance });
          vouchers.reload();
          onChange?.();
        }} />
      ))}
      <p className="lc-hint">{t('vouchers.refundRule')}</p>
    </section>
  );
}
