/** On a program's page: the partners' rooms it is held in, with when, the address and the place on the map (nothing when there are none). */
import type { PageOf } from '../../../shared/contracts/common.ts';
import type { ProgramRoom } from '../../../shared/contracts/network.ts';
import { query, useApi } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';
import { PlaceMap } from '../programs/PlaceMap.tsx';

export function ProgramRooms({ programId }: { programId: number }) {
  const { t, dateTime } = useLocale();
  const rooms = useApi<PageOf<ProgramRoom>>(`/programs/${programId}/partner-rooms${query({ pageSize: 20 })}`);
  if (!rooms.data || rooms.data.total === 0) return null;
  const place = (r: ProgramRoom) => `${r.institutionName} ${r.resourceName}${r.venueName ? ` (${r.venueName})` : ''}, ${r.address}`;
  const first = rooms.data.items[0]!;
  return (
    <section aria-labelledby="program-rooms-title">
      <h2 className="lc-section-title" id="program-rooms-title">{t('network.rooms.title')}</h2>
      <ul>
        {rooms.data.items.map((r) => <li key={r.bookingId}>{dateTime(r.startsAt)}–{dateTime(r.endsAt).slice(-5)} · {place(r)}</li>)}
      </ul>
      {rooms.data.total > rooms.data.items.length && <p className="lc-hint">{t('network.rooms.more', { count: rooms.data.total - rooms.data.items.length })}</p>}
      <PlaceMap lat={first.lat} lon={first.lon} cityCode={first.cityCode} place={place(first)} />
    </section>
  );
}
