/**
 * The waiting room on a program's page: where the person stands and about how long it will be, asked again
 * politely (as often as the server says, with a little jitter so a crowd does not ask in step), until they are let in.
 */
import { useEffect, useState } from 'react';
import type { WaitingTicket } from '../../../shared/contracts/opening-day.ts';
import { api } from '../../api/client.ts';
import { useLocale } from '../../i18n/index.ts';

export function WaitingRoom({ ticket, onTicket }: { ticket: WaitingTicket; onTicket(ticket: WaitingTicket): void }) {
  const { t, number } = useLocale();
  const [failed, setFailed] = useState(false);
  const { openingId, admitted, pollAfterSeconds } = ticket;
  useEffect(() => {
    if (admitted) return;
    const timer = setTimeout(() => {
      api<WaitingTicket>(`/registration-openings/${openingId}/ticket`).then((next) => {
        setFailed(false);
        onTicket(next);
      }, () => {
        setFailed(true);
        onTicket({ ...ticket });
      });
    }, pollAfterSeconds * 1000 * (0.8 + Math.random() * 0.4));
    return () => clearTimeout(timer);
  }, [ticket, openingId, admitted, pollAfterSeconds, onTicket]);

  const wait = ticket.estimatedWaitSeconds;
  const time = wait < 60 ? t('opening-day.room.seconds', { n: number(Math.max(1, wait)) }) : t('opening-day.room.minutes', { n: number(Math.ceil(wait / 60)) });
  return (
    <div className="lc-notice" role="status">
      <strong>{t('opening-day.room.title')} · {ticket.title}</strong>
      {admitted ? <p><strong>{t('opening-day.room.admitted')}</strong></p> : (
        <>
          <p>{t('opening-day.room.lead')}</p>
          <p><strong>{ticket.place <= 1 ? t('opening-day.room.next', { number: number(ticket.number) })
            : t('opening-day.room.place', { ahead: number(ticket.place - 1), number: number(ticket.number) })}</strong></p>
          <p>{t('opening-day.room.wait', { time })}</p>
          {failed && <p className="lc-hint">{t('opening-day.room.retrying')}</p>}
        </>
      )}
    </div>
  );
}
