/**
 * The city console's role map: institutions by program area × target group, with near-copies between
 * institutions and residents' wishes in each cell; a cell opens on who serves it and every dong, gaps first,
 * linked to the demand and copies tabs.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { RoleMap, RoleMapCell, RoleMapCellDetail } from '../../../shared/contracts/role-map.ts';
import { programAreas, targetGroups, type ProgramAreaCode, type TargetGroupCode } from '../../../shared/vocabulary/index.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { Pagination } from '../../ui/Pagination.tsx';
import { Loaded } from '../../ui/Status.tsx';
import type { ConsolePanelProps } from '../city-console/console-tabs.ts';

interface Chosen { area: ProgramAreaCode; target: TargetGroupCode }

export default function RoleMapPanel({ cityCode }: ConsolePanelProps) {
  const { t, date } = useLocale();
  const map = useApi<RoleMap>(`/cities/${cityCode}/role-map`);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  return (
    <section aria-labelledby="role-map-title">
      <h2 className="lc-section-title" id="role-map-title">{t('role-map.title')}</h2>
      <p className="lc-lead">{t('role-map.lead')}</p>
      <Loaded state={map}>
        {(m) => (
          <>
            <p>{t('role-map.since', { date: date(m.since), institutions: m.institutionsTotal, dongs: m.dongsTotal })}</p>
            <p className="lc-hint">{t('role-map.legend')}</p>
            <RoleTable map={m} chosen={chosen} onChoose={setChosen} />
            {chosen ? <CellDetail cityCode={cityCode} cell={chosen} /> : <p>{t('role-map.choose')}</p>}
          </>
        )}
      </Loaded>
    </section>
  );
}

function RoleTable({ map, chosen, onChoose }: { map: RoleMap; chosen: Chosen | null; onChoose(cell: Chosen): void }) {
  const { t, label } = useLocale();
  const cellOf = new Map(map.cells.map((c) => [`${c.area}:${c.target}`, c]));
  const targets = targetGroups.entries.filter((g) => map.cells.some((c) => c.target === g.code));
  // Read before the visible figures, so the button's name is the whole sentence (and contains what it shows).
  const prefix = (c: RoleMapCell) => t('role-map.cellPrefix', { area: label(programAreas.get(c.area)), target: label(targetGroups.get(c.target)) });
  return (
    <div className="lc-table-wrap" tabIndex={0} role="region" aria-label={t('role-map.table')}>
      <table className="lc-table lc-role-map">
        <caption className="sr-only">{t('role-map.table')}</caption>
        <thead>
          <tr><th scope="col">{t('role-map.area')}</th>{targets.map((g) => <th key={g.code} scope="col">{label(g)}</th>)}</tr>
        </thead>
        <tbody>
          {programAreas.entries.map((a) => (
            <tr key={a.code}>
              <th scope="row">{label(a)}</th>
              {targets.map((g) => {
                const c = cellOf.get(`${a.code}:${g.code}`);
                if (!c) return <td key={g.code}>—</td>;
                const gap = c.institutions === 0 && c.wishes > 0;
                const pressed = chosen?.area === c.area && chosen.target === c.target;
                return (
                  <td key={g.code} className={gap ? 'lc-role-gap' : undefined}>
                    <button type="button" className="lc-role-cell" aria-pressed={pressed} onClick={() => onChoose({ area: c.area, target: c.target })}>
                      <span className="sr-only">{prefix(c)} </span>
                      <strong>{t('role-map.institutionsShort', { count: c.institutions })}</strong>
                      {c.nearCopyPairs > 0 && <span className="krds-badge bg-light-warning">{t('role-map.overlap', { count: c.nearCopyPairs })}</span>}
                      {c.wishes > 0 && <span className="krds-badge bg-light-primary">{t('role-map.wished', { count: c.wishes })}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellDetail({ cityCode, cell }: { cityCode: string; cell: Chosen }) {
  const { t, label, locale } = useLocale();
  const [page, setPage] = useState(1);
  const detail = useApi<RoleMapCellDetail>(`/cities/${cityCode}/role-map/cell${query({ area: cell.area, target: cell.target, page, pageSize: 10 })}`);
  return (
    <section aria-labelledby="role-cell-title" aria-live="polite">
      <h3 className="lc-subtitle" id="role-cell-title">{t('role-map.detailTitle', { area: label(programAreas.get(cell.area)), target: label(targetGroups.get(cell.target)) })}</h3>
      <Loaded state={detail}>
        {(d) => (
          <div className="lc-grid">
            <div>
              <h4>{t('role-map.institutions')}</h4>
              {d.institutions.items.length === 0 ? <p>{t('role-map.noInstitution')}</p> : (
                <ul>
                  {d.institutions.items.map((i) => (
                    <li key={i.id}>
                      <Link to={`/institutions/${i.id}`}>{i.name}</Link> · {t('role-map.institutionLine', { programs: i.programs })}
                      {i.nearCopies > 0 && <> · <span className="krds-badge bg-light-warning">{t('role-map.nearCopies', { count: i.nearCopies })}</span></>}
                    </li>
                  ))}
                </ul>
              )}
              <Pagination page={d.institutions.page} pageSize={d.institutions.pageSize} total={d.institutions.total} onChange={setPage} />
              <p className="lc-actions">
                <Link className="krds-btn small secondary" to={`/cities/${cityCode}/console/copies`}>{t('role-map.toCopies')}</Link>
                <Link className="krds-btn small secondary" to={`/cities/${cityCode}/console/demand`}>{t('role-map.toDemand')}</Link>
              </p>
            </div>
            <div>
              <h4>{t('role-map.dongs')}</h4>
              <ul>
                {d.dongs.map((dong) => (
                  <li key={dong.code}>
                    {t('role-map.dongLine', { name: locale === 'en' ? dong.nameEn : dong.nameKo, programs: dong.programs, wishes: dong.wishes })}
                    {dong.programs === 0 && <> · <span className="krds-badge bg-light-danger">{t('role-map.gap')}</span></>}
                  </li>
                ))}
              </ul>
            </div>
          </div>
        )}
      </Loaded>
    </section>
  );
}
