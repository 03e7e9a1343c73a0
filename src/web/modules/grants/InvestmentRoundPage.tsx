/**
 * One priority investment round: every eligible city in rank order with its criteria, the proposal beside equal
 * shares and need only, and the amounts the ministry approves (filled from any plan, changed city by city, saved,
 * then approved once). Totals under the table say what is left of the budget.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InvestmentRound, RoundCities, RoundCity } from '../../../shared/contracts/grants.ts';
import { evaluationScoreSources, investmentRoundStatuses } from '../../../shared/vocabulary/index.ts';
import { api, query, useApi } from '../../api/client.ts';
import { useSubmission } from '../../api/useSubmission.ts';
import { useLocale } from '../../i18n/index.ts';
import { useSession } from '../../shells/session.tsx';
import { ConfirmAction } from '../../ui/ConfirmAction.tsx';
import { FormStatus } from '../../ui/FormStatus.tsx';
import { ErrorNotice, Loaded, PageTitle } from '../../ui/Status.tsx';
import { useWon } from './won.ts';

type Plan = 'proposed' | 'equal' | 'needOnly';
const plans: Plan[] = ['proposed', 'equal', 'needOnly'];
const planWords: Record<Plan, string> = { proposed: 'useProposed', equal: 'useEqual', needOnly: 'useNeedOnly' };

export function InvestmentRoundPage() {
  const { id } = useParams();
  const { t } = useLocale();
  const session = useSession();
  const round = useApi<InvestmentRound>(`/investment-rounds/${id}`);
  const cities = useApi<RoundCities>(`/investment-rounds/${id}/cities${query({ pageSize: 300 })}`);
  if (session.ready && !session.can('grants.manage')) return <ErrorNotice error={{ message: '', status: session.me ? 403 : 401 }} />;
  return (
    <Loaded state={round}>
      {(r) => (
        <>
          <PageTitle title={r.title} lead={t('grants.investment.criteria')} />
          <p className="lc-actions"><Link to="/ministry/investment">{t('grants.investment.back')}</Link></p>
          <RoundFacts round={r} />
          <Loaded state={cities}>
            {(list) => <Allocation round={r} cities={list.items} onChanged={() => { round.reload(); cities.reload(); }} />}
          </Loaded>
        </>
      )}
    </Loaded>
  );
}

function RoundFacts({ round }: { round: InvestmentRound }) {
  const { t, label } = useLocale();
  const won = useWon();
  return (
    <dl className="lc-facts">
      <div><dt>{t('grants.investment.status')}</dt><dd>{label(investmentRoundStatuses.get(round.status))}</dd></div>
      <div><dt>{t('grants.investment.budget')}</dt><dd>{won(round.budget)}</dd></div>
      <div><dt>{t('grants.investment.cap')}</dt><dd>{won(round.cityCap)}</dd></div>
      <div><dt>{t('grants.year')}</dt><dd>{round.year}</dd></div>
      <div><dt>{t('grants.investment.priority')}</dt><dd>{t('grants.investment.weights', { evaluation: round.weightEvaluation, need: round.weightNeed })}</dd></div>
      <div><dt>{t('grants.conditions')}</dt><dd>{round.conditions}</dd></div>
      <div><dt>{t('grants.investment.cities', { count: round.cities })}</dt><dd>{t('grants.investment.funded', { count: round.funded })}</dd></div>
    </dl>
  );
}

function Allocation({ round, cities, onChanged }: { round: InvestmentRound; cities: RoundCity[]; onChanged(): void }) {
  const { t, label, locale } = useLocale();
  const won = useWon();
  const draft = round.status === 'draft';
  const saved = () => Object.fromEntries(cities.map((c) => [c.cityCode, String(c.amount)]));
  const [amounts, setAmounts] = useState<Record<string, string>>(saved);
  useEffect(() => setAmounts(saved()), [cities]); // eslint-disable-line react-hooks/exhaustive-deps -- only when the server's amounts change
  const [approvedCount, setApprovedCount] = useState<number | null>(null);
  const changes = cities.filter((c) => amounts[c.cityCode] !== String(c.amount)).map((c) => ({ cityCode: c.cityCode, amount: Number(amounts[c.cityCode] || 0) }));
  const save = useSubmission(() => api(`/investment-rounds/${round.id}/amounts`, { method: 'PUT', body: { amounts: changes } }), onChanged);
  const approve = useSubmission(async () => {
    const approved = await api<InvestmentRound>(`/investment-rounds/${round.id}/approve`, { method: 'POST' });
    setApprovedCount(approved.funded);
  }, onChanged);
  const edited = cities.reduce((sum, c) => sum + Number(amounts[c.cityCode] || 0), 0);
  const fieldOf = (cityCode: string) => `amounts.${changes.findIndex((c) => c.cityCode === cityCode)}.amount`;
  const cityOf = (c: RoundCity) => (locale === 'en' ? c.nameEn : c.nameKo);
  const total = (plan: Plan) => round.totals[plan];

  return (
    <section aria-labelledby="compare-title">
      <h2 className="lc-section-title" id="compare-title">{t('grants.investment.compare')}</h2>
      {draft && (
        <div className="lc-form-row" role="group" aria-label={t('grants.investment.usePlan')}>
          {plans.map((plan) => (
            <button key={plan} type="button" className="krds-btn tertiary"
              onClick={() => setAmounts(Object.fromEntries(cities.map((c) => [c.cityCode, String(c[plan])])))}>
              {t(`grants.investment.${planWords[plan]}`)}
            </button>
          ))}
        </div>
      )}
      <form onSubmit={save.onSubmit} aria-labelledby="compare-title">
        <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('grants.investment.compare')}>
          <table className="lc-table">
            <thead>
              <tr>
                <th scope="col" className="num">{t('grants.investment.rank')}</th><th scope="col">{t('grants.city')}</th>
                <th scope="col" className="num">{t('grants.investment.evaluation')}</th><th scope="col">{t('grants.investment.source')}</th>
                <th scope="col" className="num">{t('grants.investment.access')}</th><th scope="col" className="num">{t('grants.investment.need')}</th>
                <th scope="col" className="num">{t('grants.investment.priority')}</th>
                <th scope="col" className="num">{t('grants.investment.proposed')}</th><th scope="col" className="num">{t('grants.investment.equal')}</th>
                <th scope="col" className="num">{t('grants.investment.needOnly')}</th><th scope="col" className="num">{t('grants.investment.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {cities.map((c) => {
                const error = save.fieldError(fieldOf(c.cityCode));
                return (
                  <tr key={c.cityCode}>
                    <td className="num">{c.rank}</td>
                    <th scope="row">{cityOf(c)}</th>
                    <td className="num">{c.evaluation.toFixed(1)}</td>
                    <td>{label(evaluationScoreSources.get(c.evaluationSource))}</td>
                    <td className="num">{c.access.toFixed(2)}</td>
                    <td className="num">{c.need.toFixed(1)}</td>
                    <td className="num">{c.priority.toFixed(2)}</td>
                    <td className="num">{won.number(c.proposed)}</td>
                    <td className="num">{won.number(c.equal)}</td>
                    <td className="num">{won.number(c.needOnly)}</td>
                    <td className="num">
                      {draft ? (
                        <>
                          <input className="krds-input lc-amount" inputMode="numeric" value={amounts[c.cityCode] ?? ''}
                            aria-label={t('grants.investment.amountOf', { city: cityOf(c) })} aria-invalid={error ? true : undefined}
                            aria-describedby={error ? `amount-${c.cityCode}-error` : undefined}
                            onChange={(e) => setAmounts({ ...amounts, [c.cityCode]: e.target.value.replace(/[^0-9]/g, '') })} />
                          {error && <p className="form-hint-invalid" id={`amount-${c.cityCode}-error`}>{error}</p>}
                        </>
                      ) : won.number(c.amount)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={7}>{t('grants.investment.totals')}</th>
                {plans.map((plan) => <td key={plan} className="num">{won.number(total(plan))}</td>)}
                <td className="num">{won.number(edited)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p role="status">{t('grants.investment.remaining', { amount: won.number(round.budget - edited) })}</p>
        <FormStatus error={save.formError(changes.map((_, i) => `amounts.${i}.amount`))} />
        {save.done && <p className="lc-notice success" role="status">{t('grants.investment.saved')}</p>}
        {draft && <div><button type="submit" className="krds-btn secondary" disabled={save.busy || changes.length === 0}>{t('grants.investment.save')}</button></div>}
      </form>
      {draft && (
        <ConfirmAction label={t('grants.investment.approve')} question={t('grants.investment.approveQuestion')} yes={t('grants.investment.approve')}
          no={t('grants.investment.no')} busy={approve.busy || changes.length > 0} onConfirm={approve.onSubmit}>
          <FormStatus error={approve.formError()} />
        </ConfirmAction>
      )}
      {approvedCount !== null && <p className="lc-notice success" role="status">{t('grants.investment.approved', { count: approvedCount })}</p>}
    </section>
  );
}
