/** Korea keeps one offset all year (KST, UTC+9, no daylight saving): its calendar day, on the server or in any browser. */
export function todayInKorea(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

/**
 * "2026년 12월 7일 오후 3:05" in Korean time, written out rather than left to Intl: Node's ICU writes Korean times
 * as "PM 3:05", which no Korean reader expects (found in the annual report).
 */
export function koreanDateTime(at: Date | string): string {
  const [date, time] = new Date(new Date(at).getTime() + 9 * 3600_000).toISOString().split('T') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return `${year}년 ${month}월 ${day}일 ${hour < 12 ? '오전' : '오후'} ${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, '0')}`;
}

/** A moment as a `datetime-local` field shows it in Korea's time ("2027-02-15T09:00"), whatever the browser's zone, and back. */
export const koreaLocal = (iso: string) => new Date(new Date(iso).getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
export const fromKoreaLocal = (local: string) => (local ? `${local}:00+09:00` : '');
